namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>An ASP.NET endpoint: a minimal-API Map call or a controller action, with its route as written.</summary>
/// <param name="Method">"GET", "POST" … or the Map method for the others ("MapHub", "MapGroup").</param>
public sealed record Endpoint(string Method, string Route, string File);
