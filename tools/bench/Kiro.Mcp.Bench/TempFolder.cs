namespace Kiro.Mcp.Bench;

/// <summary>Deletes a benchmark's temp folder without letting a straggling handle hide the benchmark's own result.</summary>
internal static class TempFolder
{
    public static void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: the OS cleans its temp folder.
        }
    }
}
