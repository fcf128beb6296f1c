namespace Kiro.Mcp.Workspace;

/// <summary>The folders a watcher covers: a folder and those below it that the rules do not skip.</summary>
internal static class FolderWalk
{
    // Links are not followed (a link could lead outside the workspace, or in a loop). Nothing else is
    // skipped: on Unix every dot-folder counts as hidden, and .kiro is one.
    private static readonly EnumerationOptions Children = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    /// <summary>
    /// <paramref name="startFull"/> (unless skipped itself) and every folder below it that is not
    /// skipped, parents before children. Folders that vanish during the walk are left out.
    /// </summary>
    public static IEnumerable<string> Folders(WorkspaceRoot root, string startFull, IgnoreRules rules)
    {
        var pending = new Stack<string>();
        pending.Push(startFull);
        while (pending.Count > 0)
        {
            var full = pending.Pop();
            string relative;
            try
            {
                relative = root.ToRelative(full);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (rules.IsFolderIgnored(relative) || (relative != "." && IsLink(full)))
            {
                continue;
            }
            List<string> children;
            try
            {
                children = [.. Directory.EnumerateDirectories(full, "*", Children)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            yield return full;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    // A folder that appeared (the start of a walk) may be a link; those found by enumeration are skipped above.
    private static bool IsLink(string full)
    {
        try
        {
            return new DirectoryInfo(full).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
