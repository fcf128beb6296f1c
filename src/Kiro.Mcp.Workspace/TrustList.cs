using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// The user's list of trusted workspaces, <c>~/.kiro/kiro-mcp/trusted.json</c>: canonical folder paths (links
/// resolved), each trusted exactly, never its sub-folders. It lives in the user's own folder so that nothing a
/// repository contains can add the repository to it; only <c>kiro-mcp trust</c> and <c>kiro-mcp untrust</c>
/// write it (the server only reads). A list that cannot be read, or that other users could write, trusts nothing.
/// </summary>
public sealed class TrustList(UserKiroFolder user)
{
    public const string FolderName = "kiro-mcp";
    public const string FileName = "trusted.json";

    private const int MaxBytes = 1024 * 1024;

    /// <summary>The list's file, or null when there is no user folder at all.</summary>
    public string? FilePath { get; } = user.Folder(FolderName) is { } folder ? Path.Combine(folder, FileName) : null;

    /// <summary>The trusted paths. Throws <see cref="KiroException"/> "trust_list_invalid" when the file cannot be trusted itself.</summary>
    public IReadOnlyList<string> Read()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return [];
        }
        CheckPermissions();
        var info = new FileInfo(FilePath);
        if (info.Length > MaxBytes)
        {
            throw Invalid($"is larger than {MaxBytes / 1024} KB");
        }
        try
        {
            var paths = JsonNode.Parse(File.ReadAllText(FilePath))?["trusted"]?.AsArray()
                .Select(p => p?.GetValue<string>())
                .OfType<string>()
                .Where(p => p.Length > 0)
                .ToList();
            return paths ?? [];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid($"is not valid JSON ({e.Message.Split('\n')[0]})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"cannot be read ({e.Message})");
        }
    }

    /// <summary>Adds a canonical path; false when it was already listed.</summary>
    public bool Add(string canonicalPath) => Change(paths =>
    {
        if (paths.Contains(canonicalPath, WorkspaceTrust.PathComparer))
        {
            return false;
        }
        paths.Add(canonicalPath);
        return true;
    });

    /// <summary>Removes a canonical path; false when it was not listed.</summary>
    public bool Remove(string canonicalPath) => Change(paths => paths.RemoveAll(p => WorkspaceTrust.PathComparer.Equals(p, canonicalPath)) > 0);

    private bool Change(Func<List<string>, bool> change)
    {
        if (FilePath is null)
        {
            throw new KiroException("trust_list_unavailable",
                $"There is no home folder to keep the trust list in. Set {UserKiroFolder.EnvironmentVariable} to a folder of your own, or start the server with --trust.");
        }
        // A list we cannot read is never overwritten: it may hold entries the user wants to keep.
        var paths = Read().ToList();
        if (!change(paths))
        {
            return false;
        }
        var folder = Path.GetDirectoryName(FilePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var json = new JsonObject
        {
            ["version"] = 1,
            ["trusted"] = new JsonArray([.. paths.Order(StringComparer.Ordinal).Select(p => (JsonNode?)JsonValue.Create(p))]),
        };
        var temp = FilePath + $".{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }
            File.Move(temp, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return true;
    }

    /// <summary>Like ssh with its keys: a list that another user could edit could be made to trust anything.</summary>
    private void CheckPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        const UnixFileMode othersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        var folder = Path.GetDirectoryName(FilePath)!;
        if ((File.GetUnixFileMode(FilePath!) & othersWrite) != 0 || (File.GetUnixFileMode(folder) & othersWrite) != 0)
        {
            throw Invalid($"or its folder can be written by other users, so it is ignored. Run: chmod go-w '{folder}' '{FilePath}'");
        }
    }

    private KiroException Invalid(string problem) => new("trust_list_invalid", $"The trust list '{FilePath}' {problem}.");
}
