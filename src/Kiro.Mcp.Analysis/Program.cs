using Kiro.Mcp.Analysis;

// Wiring only: one request on stdin, progress and one result on stdout (see AnalysisHost).
return await AnalysisHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());
