using Kiro.Mcp.Server.Hosting;

return await CommandLine.RunAsync(args);
