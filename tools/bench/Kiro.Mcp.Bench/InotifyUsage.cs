namespace Kiro.Mcp.Bench;

/// <summary>A process's inotify instances and the watches they hold, as the kernel sees them in /proc (Linux only).</summary>
internal static class InotifyUsage
{
    /// <param name="pid">A process id, or "self".</param>
    public static (int Watches, int Instances) Of(string pid)
    {
        int watches = 0, instances = 0;
        IEnumerable<string> descriptors;
        try
        {
            descriptors = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (-1, -1);
        }
        foreach (var fd in descriptors)
        {
            try
            {
                if (new FileInfo(fd).LinkTarget != "anon_inode:inotify")
                {
                    continue;
                }
                instances++;
                // One "inotify wd:" line per watch in the descriptor's fdinfo.
                watches += File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(fd)}").Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The descriptor closed meanwhile.
            }
        }
        return (watches, instances);
    }
}
