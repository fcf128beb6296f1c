using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Runs every manifest reader over the file list. A file that cannot be read or parsed is skipped.</summary>
public static class ManifestAnalyzer
{
    // Enough for a large monorepo; beyond it the documents would be lists nobody reads.
    private const int MaxManifests = 200;

    private static readonly IManifestReader[] Readers =
    [
        new PackageJsonReader(), new PyprojectReader(), new RequirementsReader(), new GoModReader(), new CargoReader(),
        new MavenReader(), new GradleReader(), new GemfileReader(), new ComposerReader(),
    ];

    public static async Task<ManifestFacts> ReadAsync(string root, RepositoryFiles files, CancellationToken cancellationToken)
    {
        var ecosystems = new List<EcosystemFacts>();
        var dockerfiles = new List<DockerfileFacts>();
        var workflows = new List<WorkflowFacts>();
        var make = new List<CommandFact>();
        foreach (var file in files.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reader = Readers.FirstOrDefault(r => r.Reads(file));
            if (reader is not null && ecosystems.Count < MaxManifests && await ReadTextAsync(root, file, cancellationToken) is { } manifest
                && reader.Read(file, manifest, files) is { } facts)
            {
                ecosystems.Add(facts);
            }
            else if (DockerfileReader.Reads(file) && await ReadTextAsync(root, file, cancellationToken) is { } dockerfile)
            {
                dockerfiles.Add(DockerfileReader.Read(file, dockerfile));
            }
            else if (WorkflowReader.Reads(file) && await ReadTextAsync(root, file, cancellationToken) is { } workflow
                && WorkflowReader.Read(file, workflow) is { } workflowFacts)
            {
                workflows.Add(workflowFacts);
            }
            else if (MakefileReader.Reads(file) && await ReadTextAsync(root, file, cancellationToken) is { } makefile)
            {
                make.AddRange(MakefileReader.Read(file, makefile));
            }
        }
        var compose = files.Files.Where(f => RepositoryFiles.FileName(f) is "docker-compose.yml" or "docker-compose.yaml" or "compose.yml" or "compose.yaml").ToList();
        // Shell scripts in conventional places are commands too (e.g. .ci/run, scripts/build.sh).
        var scripts = files.Files.Where(f =>
            (f.EndsWith(".sh", StringComparison.Ordinal) && f.Count(c => c == '/') <= 2)
            || (RepositoryFiles.Folder(f) == ".ci")).ToList();
        return new ManifestFacts(ecosystems, new ToolingFacts(dockerfiles, compose, workflows, make, scripts));
    }

    /// <summary>The file's text, or null when it is too large to be a manifest or cannot be read.</summary>
    internal static async Task<string?> ReadTextAsync(string root, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            // Opened by what is there now, folder by folder without following links out: the scan
            // skipped links, but a folder swapped for one since must not put outside text in steering.
            await using var stream = new WorkspaceRoot(root).OpenRead(relativePath);
            if (stream is null || stream.Length > 2_000_000)
            {
                return null;
            }
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException or NotSupportedException)
        {
            return null;
        }
    }
}
