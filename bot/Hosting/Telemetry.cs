using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GiBot.Hosting;

/// <summary>OpenTelemetry traces and metrics, off unless <c>Telemetry:Enabled</c> is true.</summary>
public static class Telemetry
{
    public const string Name = "GiBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("gibot.turns", description: "Activities handled, by type");

    public static IServiceCollection AddGiBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        if (!section.GetValue<bool>("Enabled"))
        {
            return services;
        }
        var exporter = section["Exporter"] ?? "console";
        var otlp = string.Equals(exporter, "otlp", StringComparison.OrdinalIgnoreCase);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Name))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
                else
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
                else
                {
                    m.AddConsoleExporter();
                }
            });
        return services;
    }
}
