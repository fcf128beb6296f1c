using Kiro.Mcp.Conformance.Host;
using Kiro.Mcp.Server.Hosting;

// The server's own command line and pipeline; only the fixtures are added.
return await CommandLine.Create(ConformanceFixtures.Register).Parse(args).InvokeAsync();
