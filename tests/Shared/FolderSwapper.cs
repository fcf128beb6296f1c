using System.Runtime.InteropServices;

namespace Kiro.Mcp.Tests.Shared;

/// <summary>
/// Another process's hostile work, on a thread: swaps a workspace folder with a symbolic link to a
/// folder outside, back and forth as fast as it can, until disposed. Each swap is one atomic
/// exchange of the two names (Linux renameat2 RENAME_EXCHANGE), so the path always exists and is a
/// real folder or a link out at any instant: exactly what a path checked a moment ago can turn into.
/// </summary>
internal sealed partial class FolderSwapper : IDisposable
{
    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    // KIRO_TEST_SWAP_SPINS in the environment overrides the pause between swaps, for tuning on a slow machine.
    private static readonly int SpinsBetweenSwaps = int.TryParse(Environment.GetEnvironmentVariable("KIRO_TEST_SWAP_SPINS"), out var spins) ? spins : 1_000;

    private readonly string _folder;
    private readonly string _link;
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _exchanges;

    public FolderSwapper(string folder, string outside)
    {
        _folder = Path.TrimEndingDirectorySeparator(folder);
        _link = _folder + "-link";
        Directory.CreateSymbolicLink(_link, outside);
        _thread = new Thread(Run) { IsBackground = true, Name = "folder-swapper" };
        _thread.Start();
    }

    /// <summary>Whether the swap can run here (Linux only: it needs renameat2).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>How many times the folder became a link to the outside.</summary>
    public int Flips => (_exchanges + 1) / 2;

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        // Leave the real folder at its name.
        if (_exchanges % 2 == 1)
        {
            Exchange();
        }
        File.Delete(_link);
    }

    private void Run()
    {
        while (!_stop)
        {
            Exchange();
            Thread.SpinWait(SpinsBetweenSwaps);
        }
    }

    private void Exchange()
    {
        if (RenameAt2(AtCurrentFolder, _folder, AtCurrentFolder, _link, RenameExchange) != 0)
        {
            throw new IOException($"renameat2 failed with errno {Marshal.GetLastPInvokeError()}");
        }
        _exchanges++;
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);
}
