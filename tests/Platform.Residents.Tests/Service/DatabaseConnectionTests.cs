using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Residents.Data;
using Platform.ServiceHost.Data;

namespace Platform.Residents.Tests.Service;

/// <summary>The template's connection settings, as the residents service (any service) gets them.</summary>
public sealed class DatabaseConnectionTests(ResidentsFixture fixture)
{
    [Fact]
    public void ServiceDatabase_ConnectionStringWithoutTuning_PreparesStatementsAndSkipsTheResetOnReturn()
    {
        using var scope = fixture.Service.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentsDbContext>();

        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(ServiceConnectionStrings.PreparedStatementsPerConnection, settings.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void WithPlatformDefaults_SettingsTheConnectionStringNames_AreKept(string configured)
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceConnectionStrings.WithPlatformDefaults(configured));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }
}
