using System.Runtime.InteropServices;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Windows' answer to "where is this open handle really?", for the fallback that checks a handle
/// after opening it instead of walking folders by handle.
/// </summary>
internal static partial class NativeWindows
{
    /// <summary>The final path of the open file or folder (links and junctions resolved), or null.</summary>
    public static string? FinalPath(SafeHandle handle)
    {
        var buffer = new char[32_768];
        var length = GetFinalPathNameByHandle(handle, buffer, (uint)buffer.Length, 0);
        if (length == 0 || length >= buffer.Length)
        {
            return null;
        }
        var path = new string(buffer, 0, (int)length);
        // "\\?\C:\x" is "C:\x"; "\\?\UNC\server\share" is "\\server\share".
        return path.StartsWith(@"\\?\UNC\", StringComparison.Ordinal) ? @"\\" + path[8..]
            : path.StartsWith(@"\\?\", StringComparison.Ordinal) ? path[4..]
            : path;
    }

    [LibraryImport("kernel32", EntryPoint = "GetFinalPathNameByHandleW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial uint GetFinalPathNameByHandle(SafeHandle file, [Out] char[] buffer, uint length, uint flags);
}
