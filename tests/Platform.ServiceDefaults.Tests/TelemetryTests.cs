using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task AddServiceDefaults_WithoutAnExporter_RecordsNoSpans()
    {
        await using var app = Build(otlpEndpoint: null);

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddServiceDefaults_WithAnOtlpEndpoint_RecordsSpans()
    {
        await using var app = Build(otlpEndpoint: "http://127.0.0.1:4317");

        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    private static WebApplication Build(string? otlpEndpoint)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
