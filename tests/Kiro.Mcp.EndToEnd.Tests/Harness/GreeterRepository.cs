namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>A small committed .NET repository (one console project, a README) for steering generation tests.</summary>
public static class GreeterRepository
{
    public static TempWorkspace Create()
    {
        var workspace = new TempWorkspace();
        workspace.Write("README.md", "# Greeter\n\nGreets people from the command line.\n");
        workspace.Write("Greeter.Cli/Greeter.Cli.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        workspace.Write("Greeter.Cli/Program.cs", "System.Console.WriteLine(new Greeter.Greeting().Text);\n");
        workspace.Write("Greeter.Cli/Greeting.cs", "namespace Greeter;\n\npublic sealed class Greeting\n{\n    public string Text => \"Hello\";\n}\n");
        Git.Init(workspace.Root);
        Git.CommitAll(workspace.Root, "Greeter");
        return workspace;
    }
}
