namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Reads one kind of manifest. Readers never throw on bad input: they return null.</summary>
public interface IManifestReader
{
    /// <summary>Whether this reader reads the file (by its workspace-relative path).</summary>
    bool Reads(string relativePath);

    /// <param name="files">The whole file list, for lock files and wrappers beside the manifest.</param>
    EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files);
}
