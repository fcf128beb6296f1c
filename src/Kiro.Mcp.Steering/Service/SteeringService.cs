using Kiro.Mcp.Steering.Documents;
using Kiro.Mcp.Steering.Matching;
using Kiro.Mcp.Steering.References;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Service;

/// <summary>
/// Steering as operations: list, read, the documents that apply to some files, and write. Workspace
/// files win over global files of the same name; AGENTS.md files are always included (a sub-folder's
/// for paths under it). Every call reads the files, so an edit in an editor is seen at once.
/// </summary>
public sealed class SteeringService(SteeringLoader loader, ReferenceExpander expander)
{
    /// <summary>About 15,000 tokens: one response stays well under the 20,000-token budget.</summary>
    public const int MaxTextLength = 60_000;

    /// <summary>Larger content is refused: no steering document comes close.</summary>
    public const int MaxContentLength = 500_000;

    /// <summary>
    /// The most paths one steering_context call takes: each is matched against every glob and its folders
    /// searched for AGENTS.md, so the work grows with paths times folders.
    /// </summary>
    public const int MaxContextPaths = 1_000;

    // Names compare as Kiro's editors do on macOS and Windows: "Tech" and "tech" are one document.
    private static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>The names of every steering document, for completions.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken)
    {
        var (documents, _) = await LoadAllAsync(scanAgents: false, cancellationToken);
        return documents.Select(d => d.Name).ToList();
    }

    public async Task<SteeringList> ListAsync(CancellationToken cancellationToken)
    {
        var (documents, skipped) = await LoadAllAsync(scanAgents: true, cancellationToken);
        var global = loader.Global([]).ToList();
        var summaries = new List<SteeringSummary>();
        foreach (var document in documents)
        {
            var findings = document.FrontMatter.Findings.ToList();
            if (document.Source == DocumentSource.Workspace && global.FirstOrDefault(g => NameComparer.Equals(g.Name, document.Name))?.Path is { } shadowed)
            {
                findings.Add(new SteeringFinding("overrides_global",
                    $"The global steering file {shadowed} has the same name and is not used in this workspace; this file wins."));
            }
            summaries.Add(new SteeringSummary(document.Name, SourceName(document.Source), document.Path, InclusionNames.Name(document.Inclusion),
                document.FrontMatter.Patterns, document.FrontMatter.Description, document.File.Version, findings));
        }
        return new SteeringList(summaries, skipped);
    }

    public async Task<SteeringText> ReadAsync(string name, bool expand, CancellationToken cancellationToken)
    {
        var document = await FindAsync(name, cancellationToken);
        var body = document.Body;
        var expanded = expand ? expander.Expand(body) : new ExpandedText(body, []);
        var (text, truncated) = Cut(expanded.Text, MaxTextLength);
        return new SteeringText(document.Name, SourceName(document.Source), document.Path, InclusionNames.Name(document.Inclusion),
            document.FrontMatter.Patterns, document.FrontMatter.Description, text, document.File.Version, expand && expanded.References.Count > 0,
            expanded.References, document.FrontMatter.Findings, truncated);
    }

    /// <summary>The whole file as stored (resources serve it this way), with its version.</summary>
    public async Task<VersionedText> FileAsync(string name, CancellationToken cancellationToken) =>
        (await FindAsync(name, cancellationToken)).File;

    /// <summary>
    /// The documents that apply to <paramref name="paths"/>: AGENTS.md at the root and in the paths'
    /// folders, <c>always</c> ones, <c>fileMatch</c> ones matching a path, and those named in
    /// <paramref name="include"/>; <c>auto</c> ones not included are listed with their descriptions.
    /// </summary>
    public async Task<SteeringContext> ContextAsync(IReadOnlyList<string> paths, IReadOnlyList<string> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(include);
        if (paths.Count > MaxContextPaths || include.Count > MaxContextPaths)
        {
            throw new KiroException("too_many_paths",
                $"steering_context takes up to {MaxContextPaths:N0} paths and names; this call has {Math.Max(paths.Count, include.Count):N0}. Pass the files you will work on next, in several calls if need be.");
        }
        var relative = paths.Select(p => WorkspacePath(loader.Store.Root, p)).Distinct(StringComparer.Ordinal).ToList();
        var skipped = new List<SkippedFile>();
        var selected = new List<(SteeringDocument Document, string Reason)>();

        if (await loader.AgentsAsync("", skipped, cancellationToken) is { } rootAgents)
        {
            selected.Add((rootAgents, "AGENTS.md at the workspace root is always included"));
        }
        foreach (var folder in AncestorFolders(relative))
        {
            if (await loader.AgentsAsync(folder, skipped, cancellationToken) is { } agents)
            {
                selected.Add((agents, $"applies to {relative.First(p => p.StartsWith(folder + "/", StringComparison.Ordinal))}"));
            }
        }

        var steering = await SteeringAsync(skipped, cancellationToken);
        var wanted = include.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        var available = new List<AvailableSteering>();
        foreach (var document in steering)
        {
            var reason = document.Inclusion switch
            {
                Documents.Inclusion.Always => "always",
                Documents.Inclusion.FileMatch => FileMatchReason(document, relative),
                _ => null,
            };
            if (reason is null && wanted.Any(n => NameComparer.Equals(Plain(n), document.Name)))
            {
                reason = "included by name";
            }
            if (reason is not null)
            {
                selected.Add((document, reason));
            }
            else if (document.Inclusion == Documents.Inclusion.Auto)
            {
                available.Add(new AvailableSteering(document.Name, SourceName(document.Source), document.FrontMatter.Description));
            }
        }
        var unknown = wanted.Where(n => !steering.Any(d => NameComparer.Equals(Plain(n), d.Name))).ToList();

        var applied = new List<AppliedSteering>();
        var room = MaxTextLength;
        var truncated = false;
        foreach (var (document, reason) in selected)
        {
            var (text, cut) = Cut(expander.Expand(document.Body).Text, Math.Max(room, 0));
            room -= text.Length;
            truncated |= cut;
            applied.Add(new AppliedSteering(document.Name, SourceName(document.Source), InclusionNames.Name(document.Inclusion), reason, text, cut));
        }
        return new SteeringContext(applied, available, unknown, truncated);
    }

    public async Task<SteeringWriteOutcome> WriteAsync(
        string name,
        string content,
        string? inclusion,
        IReadOnlyList<string>? fileMatchPattern,
        string? description,
        string? expectedVersion,
        CancellationToken cancellationToken)
    {
        SteeringName.CheckNew(name);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxContentLength)
        {
            throw new KiroException("content_too_large",
                $"The content is {content.Length:N0} characters; the limit is {MaxContentLength:N0}. Split it into several steering documents, or reference large files with #[[file:path]].");
        }
        var patterns = (fileMatchPattern ?? []).SelectMany(FilePatterns.Split).ToList();
        var own = FrontMatterParser.Parse(content);
        string text;
        if (own.Present || own.Findings.Count > 0)
        {
            if (inclusion is not null || patterns.Count > 0 || description is not null)
            {
                throw new KiroException("front_matter_conflict",
                    "The content starts with its own front matter and inclusion, fileMatchPattern or description were passed too. Pass only the markdown body with the parameters, or only the content with its front matter.");
            }
            if (own.Findings.Count > 0)
            {
                throw new KiroException("front_matter_invalid",
                    $"The content's front matter has a problem: {own.Findings[0].Message} Fix it, or pass the body alone with the inclusion parameters.");
            }
            text = Lf(content);
        }
        else
        {
            var mode = inclusion is null ? Documents.Inclusion.Always : InclusionNames.TryParse(inclusion)
                ?? throw new KiroException("inclusion_invalid", $"'{inclusion}' is not an inclusion mode. Use always, fileMatch, manual or auto.");
            CheckParameters(mode, patterns, description);
            var body = content.TrimStart('\uFEFF').TrimStart('\r', '\n');
            text = FrontMatterWriter.Write(mode, patterns, mode == Documents.Inclusion.Auto ? name : null, string.IsNullOrWhiteSpace(description) ? null : description.Trim())
                + "\n" + Lf(body);
        }
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        var path = SteeringLoader.PathOf(name);
        var version = await loader.Store.WriteAsync(path, text, expectedVersion, cancellationToken);
        var written = FrontMatterParser.Parse(text);
        var shadowed = Shadowed(name, loader);
        var next = written.Inclusion switch
        {
            Documents.Inclusion.Always => "It is included in every task context and steering_context answer.",
            Documents.Inclusion.FileMatch => $"It is included when a task or steering_context names a file matching {string.Join(", ", written.Patterns.Select(p => $"'{p}'"))}.",
            Documents.Inclusion.Manual => $"It is included only when asked for: steering_context(include: ['{name}']).",
            _ => "steering_context lists it with its description; the assistant includes it by name when the request fits.",
        };
        return new SteeringWriteOutcome(name, path, version, InclusionNames.Name(written.Inclusion), written.Patterns, written.Description, written.Findings,
            shadowed is null ? next : $"{next} It overrides the global {shadowed}.");
    }

    /// <summary>Workspace steering files, then the global ones whose names the workspace does not use.</summary>
    internal async Task<List<SteeringDocument>> SteeringAsync(List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var documents = await loader.WorkspaceAsync(skipped, cancellationToken);
        var names = documents.Select(d => d.Name).ToHashSet(NameComparer);
        documents.AddRange(loader.Global(skipped).Where(g => !names.Contains(g.Name)));
        return documents;
    }

    private async Task<(List<SteeringDocument> Documents, List<SkippedFile> Skipped)> LoadAllAsync(bool scanAgents, CancellationToken cancellationToken)
    {
        var skipped = new List<SkippedFile>();
        var documents = new List<SteeringDocument>();
        if (await loader.AgentsAsync("", skipped, cancellationToken) is { } root)
        {
            documents.Add(root);
        }
        documents.AddRange(await SteeringAsync(skipped, cancellationToken));
        if (scanAgents)
        {
            foreach (var folder in loader.AgentsFolders(skipped))
            {
                if (await loader.AgentsAsync(folder, skipped, cancellationToken) is { } agents)
                {
                    documents.Add(agents);
                }
            }
        }
        return (documents, skipped);
    }

    private async Task<SteeringDocument> FindAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim().Replace('\\', '/');
        var skipped = new List<SkippedFile>();
        SteeringDocument? found = null;
        if (wanted == SteeringDocument.AgentsFileName || wanted.EndsWith("/" + SteeringDocument.AgentsFileName, StringComparison.Ordinal))
        {
            var folder = wanted.Length == SteeringDocument.AgentsFileName.Length ? "" : FilePatterns.Normalize(wanted[..^(SteeringDocument.AgentsFileName.Length + 1)]);
            found = await loader.AgentsAsync(folder, skipped, cancellationToken);
        }
        else if (SteeringName.IsFileName(Plain(wanted)))
        {
            var plain = Plain(wanted);
            found = await loader.ReadWorkspaceAsync(plain, skipped, cancellationToken)
                ?? (await SteeringAsync(skipped, cancellationToken)).FirstOrDefault(d => NameComparer.Equals(d.Name, plain));
        }
        if (found is not null)
        {
            return found;
        }
        if (skipped.Count > 0)
        {
            throw new KiroException("steering_unreadable", $"The steering document '{name}' cannot be read: {skipped[0].Reason}");
        }
        throw new KiroException("steering_not_found",
            $"There is no steering document named '{name}'. Call steering_list for the names (AGENTS.md files are named by their path, e.g. 'src/api/AGENTS.md').");
    }

    private static string? FileMatchReason(SteeringDocument document, List<string> paths)
    {
        if (document.FrontMatter.Patterns.Count == 0 || paths.Count == 0)
        {
            return null;
        }
        var matcher = new FileMatcher(document.FrontMatter.Patterns);
        foreach (var path in paths)
        {
            if (matcher.FirstMatch(path) is { } pattern)
            {
                return $"fileMatch '{pattern}' matches {path}";
            }
        }
        return null;
    }

    /// <summary>Every folder above the paths, below the root, shallowest first.</summary>
    private static IEnumerable<string> AncestorFolders(IEnumerable<string> paths) =>
        paths.SelectMany(p =>
            {
                var parts = p.Split('/');
                return Enumerable.Range(1, parts.Length - 1).Select(n => string.Join('/', parts.Take(n)));
            })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f.Count(c => c == '/'))
            .ThenBy(f => f, StringComparer.Ordinal);

    /// <summary>A path named by a caller as workspace-relative with '/' separators; hostile paths are refused by the workspace.</summary>
    internal static string WorkspacePath(WorkspaceRoot root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var candidate = path.Trim();
        // An absolute path inside the workspace is what editors hand out; it means the same file.
        // Any other absolute path goes to Resolve as it is, which refuses it.
        if (Path.IsPathFullyQualified(candidate) && (candidate + Path.DirectorySeparatorChar).StartsWith(root.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            candidate = Path.GetRelativePath(root.FullPath, candidate);
        }
        while (candidate.StartsWith("./", StringComparison.Ordinal) || candidate.StartsWith(".\\", StringComparison.Ordinal))
        {
            candidate = candidate[2..];
        }
        return root.ToRelative(root.Resolve(candidate));
    }

    private static void CheckParameters(Documents.Inclusion mode, List<string> patterns, string? description)
    {
        if (mode == Documents.Inclusion.FileMatch && patterns.Count == 0)
        {
            throw new KiroException("pattern_missing",
                "inclusion 'fileMatch' needs fileMatchPattern: one or more globs relative to the workspace root, e.g. [\"src/**/*.ts\"].");
        }
        if (mode != Documents.Inclusion.FileMatch && patterns.Count > 0)
        {
            throw new KiroException("pattern_unexpected",
                $"fileMatchPattern only applies to inclusion 'fileMatch', not '{InclusionNames.Name(mode)}'. Pass inclusion: 'fileMatch', or leave the patterns out.");
        }
        if (mode == Documents.Inclusion.Auto && string.IsNullOrWhiteSpace(description))
        {
            throw new KiroException("description_missing",
                "inclusion 'auto' needs a description saying when the document applies, e.g. 'REST API conventions. Use when creating or changing endpoints.'");
        }
        foreach (var pattern in patterns)
        {
            if (FilePatterns.Problem(pattern) is { } problem)
            {
                throw new KiroException("pattern_too_complex", problem);
            }
            var normalized = pattern.Replace('\\', '/');
            if (normalized.StartsWith('/') || normalized.StartsWith('~') || normalized.Contains(':', StringComparison.Ordinal)
                || normalized.Split('/').Contains(".."))
            {
                throw new KiroException("pattern_invalid",
                    $"'{pattern}' is not a workspace glob. Write globs relative to the workspace root without '..', e.g. 'src/**/*.ts' or '*.md'.");
            }
        }
    }

    /// <summary>The name without a ".md" a caller may add.</summary>
    private static string Plain(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(SteeringDocument.AgentsFileName, StringComparison.Ordinal) ? name[..^3] : name;

    private static string? Shadowed(string name, SteeringLoader loader) =>
        loader.Global([]).FirstOrDefault(g => NameComparer.Equals(g.Name, name))?.Path;

    private static string SourceName(DocumentSource source) => source switch
    {
        DocumentSource.Global => "global",
        DocumentSource.Agents => "agents",
        _ => "workspace",
    };

    // Steering files are written with LF, like Kiro's; CRLF in the content becomes LF.
    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static (string Text, bool Truncated) Cut(string text, int room)
    {
        if (text.Length <= room)
        {
            return (text, false);
        }
        if (room <= 0)
        {
            return ("", true);
        }
        var cut = text.LastIndexOf('\n', room - 1);
        return (text[..(cut > room / 2 ? cut + 1 : room)] + "…", true);
    }
}
