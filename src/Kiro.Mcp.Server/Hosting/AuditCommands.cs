using System.CommandLine;
using Kiro.Mcp.Server.Audit;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// <c>kiro-mcp audit verify FILE</c>: checks an audit log's hash chain and names the first broken link.
/// Exit 0 when intact, 1 when broken, 2 when the file cannot be read.
/// </summary>
public static class AuditCommands
{
    public static Command Audit()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The audit log, e.g. ~/.kiro/kiro-mcp/data/audit/WORKSPACE.jsonl." };
        var verify = new Command("verify", "Verify an audit log's hash chain; reports the first line that was edited, removed or moved.") { file };
        verify.SetAction((result, cancellationToken) => VerifyAsync(result.GetValue(file)!, cancellationToken));
        return new Command("audit", "Work with the audit logs of a team server.") { verify };
    }

    private static async Task<int> VerifyAsync(FileInfo file, CancellationToken cancellationToken)
    {
        AuditVerification verification;
        try
        {
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            verification = await AuditChain.VerifyAsync(stream, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"The audit log {file.FullName} cannot be read: {e.Message}");
            return 2;
        }
        if (verification.Intact)
        {
            await Console.Out.WriteLineAsync($"{file.FullName}: intact, {verification.Lines} entries.");
            return 0;
        }
        await Console.Out.WriteLineAsync($"{file.FullName}: broken at line {verification.BrokenLine}: {verification.Reason}");
        return 1;
    }
}
