using Kiro.Mcp.Server.Hosting;

return await CommandLine.Create().Parse(args).InvokeAsync();
