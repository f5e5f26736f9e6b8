using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.MultiTenancy;
using Xunit;

namespace Platform.Testing.Services;

/// <summary>
/// One running instance of a service under test, in memory, on a PostgreSQL database of its own or, as a replica, on
/// another instance's.
/// </summary>
/// <typeparam name="TProgram">The service's entry point.</typeparam>
/// <typeparam name="TContext">The service's database context.</typeparam>
public sealed class ServiceInstance<TProgram, TContext> : IAsyncDisposable
    where TProgram : class
    where TContext : DbContext
{
    private readonly TestDatabase? _ownDatabase;
    private bool _disposed;

    internal ServiceInstance(WebApplicationFactory<TProgram> factory, string connectionString, TestDatabase? ownDatabase)
    {
        Factory = factory;
        ConnectionString = connectionString;
        _ownDatabase = ownDatabase;
    }

    /// <summary>The in-memory host; <c>Factory.CreateClient()</c> is an anonymous client.</summary>
    public WebApplicationFactory<TProgram> Factory { get; }

    /// <summary>The instance's database, for tests that look at what is stored.</summary>
    public string ConnectionString { get; }

    /// <summary>A client of this instance that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Client(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> in a service scope of this instance that has entered <paramref name="tenant"/> (none if null).</summary>
    public async Task InScopeAsync(TenantInfo? tenant, Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Factory.Services.CreateAsyncScope();
        if (tenant is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "test");
        }

        await action(scope.ServiceProvider);
    }

    /// <summary>Polls this instance's database (inside <paramref name="tenant"/>, if any) until <paramref name="condition"/> holds, for up to 30 s.</summary>
    public async Task WaitUntilAsync(Func<TContext, Task<bool>> condition, TenantInfo? tenant)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var reached = false;
            await InScopeAsync(tenant, async services => reached = await condition(services.GetRequiredService<TContext>()));
            if (reached)
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The {typeof(TContext).Name} database did not reach the expected state within 30 s.");
    }

    /// <summary>Stops the instance and drops its database unless it is a replica on another's; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Factory.DisposeAsync();
        if (_ownDatabase is not null)
        {
            await _ownDatabase.DisposeAsync();
        }
    }
}
