using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Service;

/// <summary>
/// Finds and reads steering files: <c>.kiro/steering/*.md</c> through the <see cref="FileStore"/>
/// (confined to the workspace), <c>~/.kiro/steering/*.md</c> read-only, and AGENTS.md files. Every
/// read is fresh; only the front matter parse is cached (by content version).
/// </summary>
public sealed class SteeringLoader(FileStore store, UserKiroFolder user, SteeringIndex index)
{
    public const string Folder = ".kiro/steering";

    /// <summary>Steering files are a few kilobytes; anything past this is not one.</summary>
    public const int MaxFileBytes = 1_000_000;

    // Scanning for sub-folder AGENTS.md files stops after this many folders, and never enters these:
    // dependencies and build output hold other projects' AGENTS.md files, not this one's.
    private const int MaxScannedFolders = 5_000;
    private static readonly HashSet<string> UnscannedFolders = new(StringComparer.OrdinalIgnoreCase) { "node_modules", "bin", "obj", "target", "dist", "vendor" };

    // As the "*.md" search pattern matched: by case on Linux, ignoring it on Windows and macOS.
    private static readonly StringComparison MarkdownExtension = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public FileStore Store => store;

    public static string PathOf(string name) => $"{Folder}/{name}.md";

    /// <summary>The workspace's own steering files, by name (ordinal).</summary>
    public async Task<List<SteeringDocument>> WorkspaceAsync(List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var documents = new List<SteeringDocument>();
        foreach (var name in FileNames(Folder, skipped))
        {
            if (await ReadWorkspaceAsync(name, skipped, cancellationToken) is { } document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>One workspace steering file, or null when there is none (or it cannot be read; then it is in <paramref name="skipped"/>).</summary>
    public async Task<SteeringDocument?> ReadWorkspaceAsync(string name, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        var file = await ReadAsync(path, skipped, cancellationToken);
        return file is null ? null : Create(name, DocumentSource.Workspace, path, null, file);
    }

    /// <summary>The user's global steering files (~/.kiro/steering), by name; read-only.</summary>
    public IEnumerable<SteeringDocument> Global(List<SkippedFile> skipped)
    {
        var folder = user.Folder("steering");
        if (folder is null || !Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var full in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(full);
            var shown = $"~/.kiro/steering/{fileName}";
            VersionedText? file = null;
            try
            {
                if (new FileInfo(full).Length > MaxFileBytes)
                {
                    skipped.Add(new SkippedFile(shown, $"larger than {MaxFileBytes:N0} bytes"));
                    continue;
                }
                var text = File.ReadAllText(full);
                file = new VersionedText(text, FileStore.ComputeVersion(text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedFile(shown, $"could not be read ({e.GetType().Name})"));
            }
            if (file is not null)
            {
                yield return Create(fileName[..^3], DocumentSource.Global, shown, null, file);
            }
        }
    }

    /// <summary>The AGENTS.md governing a workspace folder ("" for the root), or null.</summary>
    public async Task<SteeringDocument?> AgentsAsync(string folder, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var path = folder.Length == 0 ? SteeringDocument.AgentsFileName : $"{folder}/{SteeringDocument.AgentsFileName}";
        var file = await ReadAsync(path, skipped, cancellationToken);
        return file is null ? null : Create(path, DocumentSource.Agents, path, folder, file);
    }

    /// <summary>
    /// The workspace folders below the root that hold an AGENTS.md, found by a bounded scan that
    /// skips hidden folders, dependencies and build output, and never follows links.
    /// </summary>
    public IReadOnlyList<string> AgentsFolders(List<SkippedFile> skipped)
    {
        var root = store.Root.FullPath;
        var found = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(root);
        var visited = 0;
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (queue.TryDequeue(out var folder))
        {
            if (++visited > MaxScannedFolders)
            {
                skipped.Add(new SkippedFile("AGENTS.md", $"the search for AGENTS.md files stopped after {MaxScannedFolders:N0} folders; deeper ones are still used for the paths passed to steering_context"));
                break;
            }
            if (folder != root && File.Exists(Path.Join(folder, SteeringDocument.AgentsFileName)))
            {
                found.Add(store.Root.ToRelative(folder));
            }
            foreach (var child in Directory.EnumerateDirectories(folder, "*", options).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                if (!name.StartsWith('.') && !UnscannedFolders.Contains(name))
                {
                    queue.Enqueue(child);
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private List<string> FileNames(string folder, List<SkippedFile> skipped)
    {
        try
        {
            // Listed from the folder actually opened, so a swapped-in link cannot list another folder.
            return store.ListFiles(folder).Where(f => f.EndsWith(".md", MarkdownExtension) && f.Length > 3).Select(f => f[..^3]).ToList();
        }
        catch (KiroException e)
        {
            skipped.Add(new SkippedFile(folder, e.Message));
            return [];
        }
    }

    private async Task<VersionedText?> ReadAsync(string path, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        try
        {
            var full = store.Root.Resolve(path);
            if (File.Exists(full) && new FileInfo(full).Length > MaxFileBytes)
            {
                skipped.Add(new SkippedFile(path, $"larger than {MaxFileBytes:N0} bytes"));
                return null;
            }
            return await store.ReadAsync(path, cancellationToken);
        }
        catch (KiroException e)
        {
            // A link leading out of the workspace, or a path the workspace refuses.
            skipped.Add(new SkippedFile(path, e.Message));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(path, $"could not be read ({e.GetType().Name})"));
            return null;
        }
    }

    private SteeringDocument Create(string name, DocumentSource source, string path, string? folder, VersionedText file)
    {
        // AGENTS.md files have no inclusion modes: always included, front matter or not.
        var frontMatter = Path.GetFileName(path) == SteeringDocument.AgentsFileName ? FrontMatter.None : index.FrontMatter(path, file);
        return new SteeringDocument(name, source, path, folder, frontMatter, file);
    }
}
