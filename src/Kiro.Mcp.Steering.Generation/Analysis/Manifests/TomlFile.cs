using Tomlyn;
using Tomlyn.Model;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>TOML manifests (pyproject.toml, Cargo.toml) through Tomlyn, as a tree of tables.</summary>
internal static class TomlFile
{
    public static TomlTable? Parse(string text)
    {
        try
        {
            return TomlSerializer.Deserialize(text, TomlModelContext.Default.TomlTable);
        }
        catch (TomlException)
        {
            return null;
        }
    }

    public static TomlTable? Table(TomlTable? table, params string[] path)
    {
        foreach (var key in path)
        {
            if (table is null || !table.TryGetValue(key, out var value) || value is not TomlTable next)
            {
                return null;
            }
            table = next;
        }
        return table;
    }

    public static string? String(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is string text ? text : null;

    public static IEnumerable<string> Strings(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is TomlArray array ? array.OfType<string>() : [];

    /// <summary>A dependency table's entries: `name = "1.0"` or `name = { version = "1.0", … }`.</summary>
    public static IEnumerable<Dependency> DependencyTable(TomlTable? table)
    {
        if (table is null)
        {
            yield break;
        }
        foreach (var (name, value) in table)
        {
            yield return new Dependency(name, value switch
            {
                string version => version,
                TomlTable detail => String(detail, "version") ?? (String(detail, "path") is { } path ? $"path {path}" : null),
                _ => null,
            });
        }
    }
}
