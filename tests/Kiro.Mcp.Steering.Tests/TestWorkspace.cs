using Kiro.Mcp.Steering.References;
using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Tests;

/// <summary>
/// A workspace in a fresh temp folder, with a stand-in for ~/.kiro and an "outside" folder beside it
/// (so links can point out of the workspace), and the steering service over them.
/// </summary>
internal sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Container = Directory.CreateTempSubdirectory("kiro-steering-tests-").FullName;
        Folder = Path.Join(Container, "ws");
        UserKiro = Path.Join(Container, "user-kiro");
        Outside = Path.Join(Container, "outside");
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Join(Outside, "secret.md"), "outside secret\n");
        Root = new WorkspaceRoot(Folder);
        Store = new FileStore(Root);
        Service = new SteeringService(new SteeringLoader(Store, new UserKiroFolder(UserKiro), new SteeringIndex()), new ReferenceExpander(Root));
    }

    public string Container { get; }

    public string Folder { get; }

    public string UserKiro { get; }

    public string Outside { get; }

    public WorkspaceRoot Root { get; }

    public FileStore Store { get; }

    public SteeringService Service { get; }

    public string Full(string relative) => Path.Join(Folder, relative);

    public void Write(string relative, string text)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string Read(string relative) => File.ReadAllText(Full(relative));

    public void WriteSteering(string name, string text) => Write($".kiro/steering/{name}.md", text);

    public void WriteGlobal(string name, string text)
    {
        Directory.CreateDirectory(Path.Join(UserKiro, "steering"));
        File.WriteAllText(Path.Join(UserKiro, "steering", name + ".md"), text);
    }

    public void Link(string relative, string target)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            if (Directory.Exists(target))
            {
                Directory.CreateSymbolicLink(full, target);
            }
            else
            {
                File.CreateSymbolicLink(full, target);
            }
        }
        catch (Exception e) when (OperatingSystem.IsWindows() && e is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("Creating symbolic links needs Developer Mode or administrator rights on Windows.");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Container, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder later.
        }
    }
}
