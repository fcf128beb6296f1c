using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Impact;

/// <summary>
/// The impact of a change between two commits on the specs, read from git (LibGit2Sharp) rather than the working tree,
/// so it answers for any two revisions, as a pull request's base and head.
/// </summary>
public sealed class ImpactAnalyzer(GitHistory git)
{
    /// <exception cref="KiroException">A revision is malformed (revision_invalid) or names no commit (revision_not_found), or the
    /// workspace is not in a git repository.</exception>
    public ImpactReport Analyze(string baseRevision, string? headRevision)
    {
        var head = headRevision ?? "HEAD";
        RevisionName.Check("base", baseRevision);
        RevisionName.Check("head", head);
        if (git.Head() is null)
        {
            throw new KiroException("not_a_repository", "The workspace is not in a git repository with a commit; impact compares two commits.");
        }
        var baseCommit = git.Resolve(baseRevision) ?? throw NotFound(baseRevision);
        var headCommit = git.Resolve(head) ?? throw NotFound(head);
        var changed = git.FilesChanged(baseCommit, headCommit);

        var specs = new List<SpecImpact>();
        foreach (var group in changed.Where(p => p.StartsWith(SpecLayout.SpecsFolder + "/", StringComparison.Ordinal))
                     .GroupBy(p => p.Split('/')[2], StringComparer.Ordinal))
        {
            var documents = group.Select(p => p.Split('/')).Where(parts => parts.Length == 4 && SpecLayout.TryParseDocument(parts[3]) is not null && parts[3].EndsWith(".md", StringComparison.Ordinal))
                .Select(parts => $"{parts[3]}: {Change(baseCommit, headCommit, string.Join('/', parts))}")
                .ToList();
            if (documents.Count > 0)
            {
                specs.Add(SpecComparison.Compare(group.Key, documents, Load(baseCommit, group.Key), Load(headCommit, group.Key)));
            }
        }
        var code = changed.Where(p => !p.StartsWith(".kiro/", StringComparison.Ordinal)).ToList();
        return new ImpactReport(baseCommit, headCommit, changed.Count, specs, FilesTouchedByTasks(headCommit, code));
    }

    private string Change(string baseCommit, string headCommit, string path) =>
        (git.ReadAt(baseCommit, path) is null, git.ReadAt(headCommit, path) is null) switch
        {
            (true, false) => "added",
            (false, true) => "deleted",
            _ => "modified",
        };

    private SpecVersion Load(string commit, string spec)
    {
        var requirements = git.ReadAt(commit, SpecLayout.Document(spec, DocumentKind.Requirements));
        var bugfix = requirements is null ? git.ReadAt(commit, SpecLayout.Document(spec, DocumentKind.Bugfix)) : null;
        var design = git.ReadAt(commit, SpecLayout.Document(spec, DocumentKind.Design));
        var tasks = git.ReadAt(commit, SpecLayout.Document(spec, DocumentKind.Tasks));
        return new SpecVersion(
            requirements ?? bugfix,
            requirements is not null ? RequirementsParser.Parse(requirements) : bugfix is not null ? RequirementsParser.ParseBugfix(bugfix) : null,
            design,
            design is null ? null : DesignParser.Parse(design),
            tasks is null ? null : TasksParser.Parse(tasks));
    }

    /// <summary>Which completed tasks' runs changed each code file, as recorded in the specs' run logs at the head.</summary>
    private List<FileImpact> FilesTouchedByTasks(string headCommit, List<string> code)
    {
        if (code.Count == 0)
        {
            return [];
        }
        var byFile = new Dictionary<string, List<TaskReference>>(StringComparer.Ordinal);
        var wanted = code.ToHashSet(StringComparer.Ordinal);
        foreach (var spec in git.FoldersAt(headCommit, SpecLayout.SpecsFolder))
        {
            IReadOnlyList<TaskRun> runs;
            try
            {
                runs = RunLog.Parse(git.ReadAt(headCommit, RunLog.LegacyPathOf(spec)), git.ReadAt(headCommit, RunLog.PathOf(spec)), spec);
            }
            catch (KiroException)
            {
                continue; // a broken run log says nothing about files; spec_status reports it
            }
            var tasks = git.ReadAt(headCommit, SpecLayout.Document(spec, DocumentKind.Tasks)) is { } text
                ? TasksParser.Parse(text).Tasks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First())
                : [];
            foreach (var run in runs.Where(r => r.CompletedAt is not null))
            {
                foreach (var file in (run.Files ?? []).Where(wanted.Contains))
                {
                    var task = tasks.GetValueOrDefault(run.Task);
                    var reference = new TaskReference(spec, run.Task, task?.Title ?? "", task?.Requirements ?? []);
                    var list = byFile.TryGetValue(file, out var found) ? found : byFile[file] = [];
                    if (!list.Any(r => r.Spec == spec && r.Task == run.Task))
                    {
                        list.Add(reference);
                    }
                }
            }
        }
        return byFile.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FileImpact(f.Key, f.Value)).ToList();
    }

    private static KiroException NotFound(string revision) =>
        new("revision_not_found", $"'{revision}' names no commit of this repository. Pass a branch, tag or sha that exists here (in CI, fetch the base branch first, e.g. 'git fetch origin main').");
}
