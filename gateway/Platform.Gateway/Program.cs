using Platform.Gateway;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddGatewayProxy();
builder.AddTrustedForwardedHeaders();
builder.AddRequestBodyLimit();
builder.AddPortalCors();
builder.AddGatewayRateLimiting();
builder.AddTenantGuard();
builder.AddServiceProtection();

var app = builder.Build();

// Order matters. Forwarded headers first, so that everything after sees the real client; the correlation id next,
// so that every response carries it; CORS before the limits and authentication, so that preflights need no token
// and the portal can read rejections; authentication before the rate limiter, which partitions by the token.
app.UseForwardedHeaders();
app.UseCorrelationId();
app.UsePortalCors();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
// Before routing: YARP matches routes on the path, so a /t/{tenant} prefix is moved aside first.
app.UseTenantGuard();
app.UseRouting();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy(proxy => proxy.UseServiceProtection());

app.Run();

/// <summary>The gateway's entry point, public so that tests can host it.</summary>
public partial class Program;
