using System.Security.Cryptography;
using System.Text;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// The hook files of the workspace (<c>.kiro/hooks</c>) and of the user (<c>~/.kiro/hooks</c>, read
/// only), read on every use: they are a handful of small files, so an edit on disk takes effect at
/// the next event without a watcher or a restart. Parsing is skipped while the texts are unchanged.
/// </summary>
public sealed class HookCatalog(FileStore store, UserKiroFolder user)
{
    public const string WorkspaceFolder = ".kiro/hooks";
    public const string UserPrefix = "~/.kiro/hooks/";

    private readonly Lock _gate = new();
    private string _signature = "";
    private HookSet _set = HookSet.Empty;

    public async Task<HookSet> LoadAsync(CancellationToken cancellationToken)
    {
        var files = new List<(string Display, string Text, HookSource Source)>();
        foreach (var name in ListWorkspaceFiles())
        {
            var relative = $"{WorkspaceFolder}/{name}";
            try
            {
                if (await store.ReadAsync(relative, cancellationToken) is { } text)
                {
                    files.Add((relative, text.Text, HookSource.Workspace));
                }
            }
            catch (KiroException)
            {
                // A link leading out of the workspace is not the workspace's hook.
            }
        }
        if (user.Folder("hooks") is { } folder && Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder).Where(p => HookFileReader.IsHookFile(Path.GetFileName(p))).Order(StringComparer.Ordinal))
            {
                try
                {
                    files.Add((UserPrefix + Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken), HookSource.User));
                }
                catch (IOException)
                {
                    // Deleted or locked between listing and reading: it is read at the next event.
                }
            }
        }

        var signature = Signature(files);
        lock (_gate)
        {
            if (signature == _signature)
            {
                return _set;
            }
        }
        var set = Parse(files);
        lock (_gate)
        {
            (_signature, _set) = (signature, set);
        }
        return set;
    }

    private List<string> ListWorkspaceFiles()
    {
        try
        {
            // Listed from the folder actually opened (a link swapped in cannot list another folder).
            return store.ListFiles(WorkspaceFolder).Where(HookFileReader.IsHookFile).ToList();
        }
        catch (KiroException)
        {
            // .kiro or .kiro/hooks is a link (out of the workspace, or .kiro itself): not the workspace's hooks.
            return [];
        }
    }

    internal static HookSet Parse(IReadOnlyList<(string Display, string Text, HookSource Source)> files)
    {
        var hooks = new List<HookDefinition>();
        var findings = new List<HookFinding>();
        foreach (var (display, text, source) in files)
        {
            var (read, found) = HookFileReader.Read(text, display, source);
            var version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
            hooks.AddRange(read.Select(h => h with { FileVersion = version }));
            findings.AddRange(found);
        }

        // Kiro 1.0 migrates x.kiro.hook to x.json and leaves the old file: the new one is the hook.
        var v1Stems = hooks.Where(h => h.Format == HookFormat.V1).Select(h => (h.Source, Stem(h.File))).ToHashSet();
        for (var i = 0; i < hooks.Count; i++)
        {
            var hook = hooks[i];
            if (hook.Format == HookFormat.Legacy && v1Stems.Contains((hook.Source, Stem(hook.File))))
            {
                hooks[i] = hook with { Inactive = $"superseded by {Stem(hook.File)}{HookFileReader.V1Extension} (Kiro's v1 migration of this file)" };
            }
        }
        // A team's hook wins over a personal one of the same name, as workspace steering wins over global.
        var workspaceNames = hooks.Where(h => h.Source == HookSource.Workspace && h.Inactive is null).Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hooks.Count; i++)
        {
            var hook = hooks[i];
            if (hook.Source == HookSource.User && hook.Inactive is null && workspaceNames.Contains(hook.Name))
            {
                hooks[i] = hook with { Inactive = "shadowed by the workspace hook of the same name" };
            }
        }
        foreach (var duplicate in hooks.Where(h => h.Inactive is null).GroupBy(h => (h.Source, h.Name.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            foreach (var hook in duplicate.Skip(1))
            {
                findings.Add(new HookFinding(hook.File, hook.Line, HookFinding.Warning,
                    $"another hook is also named '{hook.Name}' ({duplicate.First().File}); both fire, and hook_run cannot tell them apart. Rename one."));
            }
        }
        return new HookSet(hooks, findings);
    }

    private static string Stem(string file) =>
        file.EndsWith(HookFileReader.LegacyExtension, StringComparison.OrdinalIgnoreCase) ? file[..^HookFileReader.LegacyExtension.Length]
        : file.EndsWith(HookFileReader.V1Extension, StringComparison.OrdinalIgnoreCase) ? file[..^HookFileReader.V1Extension.Length]
        : file;

    private static string Signature(List<(string Display, string Text, HookSource Source)> files)
    {
        var all = new StringBuilder();
        foreach (var (display, text, _) in files)
        {
            all.Append(display).Append('\0').Append(text).Append('\0');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }
}
