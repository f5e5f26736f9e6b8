using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Platform.Portal.Api;
using Platform.Portal.Components;
using Platform.Portal.Features.Imports;
using Platform.Portal.Security;
using Platform.Portal.Session;
using Platform.Portal.Ui;
using Platform.ServiceDefaults;

// Every page, number and date is Chinese, whatever the server's own culture.
var chinese = PortalUiKit.Chinese;
CultureInfo.DefaultThreadCurrentCulture = chinese;
CultureInfo.DefaultThreadCurrentUICulture = chinese;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalSession();
builder.AddGatewayApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPortalUiKit();
builder.Services.AddSecurityHeaders();
// Chinese text is written as it is, not as character references three times its size.
builder.Services.Configure<WebEncoderOptions>(encoding => encoding.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseRequestLocalization(chinese.Name);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapSignInEndpoints();
app.MapTextSizeToggle();
app.MapImportErrorReports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The portal's entry point (public for the test host).</summary>
public partial class Program;
