using Serilog;
using Serilog.Events;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>Serilog, structured, always to stderr (stdout belongs to the protocol in stdio mode), optionally to a file.</summary>
public static class Logging
{
    public static Serilog.Core.Logger Create(ServerSettings settings)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.LogLevel)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Warning)
            .MinimumLevel.Override("ModelContextProtocol", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
        if (settings.LogFile is not null)
        {
            configuration = configuration.WriteTo.File(settings.LogFile, rollingInterval: RollingInterval.Day);
        }
        return configuration.CreateLogger();
    }
}
