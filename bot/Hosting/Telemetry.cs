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

    /// <summary>ASP.NET Core's per-request log category.</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddGiBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        QuietHostingDiagnostics(services, configuration);
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

    /// <summary>
    /// While its logger is on, ASP.NET Core starts an <see cref="Activity"/> for every request even with nobody tracing,
    /// and HttpClient then starts a child for the reply and sends a <c>traceparent</c> the connector ignores: about 3 % of
    /// a turn's CPU. Its lines are Information and Debug, below the shipped <c>Microsoft.AspNetCore</c> level anyway, so
    /// the category is off unless configured. With telemetry on, OpenTelemetry's listener still gets every request traced.
    /// </summary>
    private static void QuietHostingDiagnostics(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"Logging:LogLevel:{HostingDiagnostics}"] is null)
        {
            services.Configure<LoggerFilterOptions>(options => options.AddFilter(HostingDiagnostics, LogLevel.None));
        }
    }
}
