using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace BennBot.Worker.Hosting;

/// <summary>Exports the meter "BennBot" (updates, answer hit rate, messages, broadcast recipients, 429s, failures) to
/// an OpenTelemetry collector over OTLP/HTTP, only when BennBot__Telemetry__OtlpEndpoint is set. Nothing personal is
/// in any tag.</summary>
public static class Telemetry
{
    public static void Export(IServiceCollection services, Uri collector, int everySeconds) =>
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = new Uri(collector, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = everySeconds * 1000;
            }));
}
