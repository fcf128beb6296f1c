using System.Globalization;
using System.Text;

namespace Kiro.Mcp.SteeringBench;

/// <summary>Writes a layered .NET solution (each project references up to two of the previous layer) with a git commit.</summary>
internal static class LargeSolution
{
    public static int Write(string root, int projects, int filesPerProject)
    {
        var sln = new StringBuilder("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n");
        var files = 0;
        for (var p = 0; p < projects; p++)
        {
            var name = $"Big.Module{p.ToString("D3", CultureInfo.InvariantCulture)}";
            var folder = Path.Combine(root, "src", name);
            Directory.CreateDirectory(folder);
            var references = new StringBuilder();
            foreach (var r in new[] { p - 1, p - 7 }.Where(r => r >= 0 && r / 10 < p / 10))
            {
                references.Append(CultureInfo.InvariantCulture, $"    <ProjectReference Include=\"..\\Big.Module{r:D3}\\Big.Module{r:D3}.csproj\" />\n");
            }
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n{references}  </ItemGroup>\n</Project>\n");
            for (var f = 0; f < filesPerProject; f++)
            {
                var ns = $"{name}.Area{(f % 5).ToString(CultureInfo.InvariantCulture)}";
                File.WriteAllText(Path.Combine(folder, $"Type{f.ToString(CultureInfo.InvariantCulture)}.cs"),
                    $"namespace {ns};\n\npublic sealed class Type{f}\n{{\n    public int Value {{ get; set; }}\n    public string Describe() => $\"{{Value}}\";\n}}\n");
                files++;
            }
            sln.Append(CultureInfo.InvariantCulture, $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{name}\", \"src\\{name}\\{name}.csproj\", \"{{{Guid(p)}}}\"\nEndProject\n");
        }
        File.WriteAllText(Path.Combine(root, "Big.sln"), sln.ToString());
        File.WriteAllText(Path.Combine(root, "README.md"), "# Big\n\nA generated solution for the steering benchmark.\n");
        GitCommand.Run(root, "init", "-q");
        GitCommand.Run(root, "add", "-A");
        GitCommand.Run(root, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "generated");
        return files;
    }

    private static string Guid(int p) => $"00000000-0000-0000-0000-{p.ToString("D12", CultureInfo.InvariantCulture)}";
}
