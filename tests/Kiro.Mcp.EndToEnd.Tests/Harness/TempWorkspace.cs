using System.Security.Cryptography;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// A workspace in a fresh temp folder, inside a parent folder of its own so tests can prove that
/// nothing was written beside it either.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Parent = Directory.CreateTempSubdirectory("kiro-mcp-e2e-").FullName;
        Root = Path.Combine(Parent, "workspace");
        Directory.CreateDirectory(Root);
    }

    public string Parent { get; }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>
    /// Every file under the parent folder with a hash of its bytes: equal snapshots mean nothing was written.
    /// The server's data folder (its audit log of every changing call, refused ones too) is left out: that
    /// record is meant to grow.
    /// </summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(Parent, "*", SearchOption.AllDirectories)
            .Where(p => p != Root + ".user-kiro" && !p.StartsWith(Path.Combine(Root + ".user-kiro", "kiro-mcp"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                p => Path.GetRelativePath(Parent, p),
                p => Directory.Exists(p) ? "dir" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A server process may still hold a handle for a moment; the OS cleans temp folders.
        }
    }
}
