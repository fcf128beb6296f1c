namespace Kiro.Mcp.Workspace;

/// <summary>What <see cref="InotifyHub"/> tells a watcher. Called on the hub's one reading thread: return quickly.</summary>
internal interface IInotifyTarget
{
    /// <summary>An event on a watched folder: <paramref name="name"/> is the entry inside it ("" for the folder itself).</summary>
    void OnEvent(int wd, string folder, string name, uint mask, uint cookie);

    /// <summary>The kernel's queue overflowed: events were lost, for every watcher.</summary>
    void OnOverflow();
}
