using System.Text.Json;
using Kiro.Mcp.Server.Audit;

namespace Kiro.Mcp.Server.Tests.Audit;

/// <summary>The audit log keeps what a call was about, never a document or what could be a secret.</summary>
public class ArgumentSummaryTests
{
    private static Dictionary<string, JsonElement> Arguments(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(value))!;

    [Fact]
    public void Names_and_numbers_are_kept_and_documents_and_commands_become_length_and_hash()
    {
        var document = new string('x', 5000);
        var summary = ArgumentSummary.Of(Arguments(new { spec = "workout", document = "design", content = document, command = "deploy --password=hunter2", limit = 5 }));

        Assert.Equal("workout", summary["spec"].GetString());
        Assert.Equal("design", summary["document"].GetString());
        Assert.Equal(5, summary["limit"].GetInt32());
        Assert.Equal(5000, summary["content"].GetProperty("length").GetInt32());
        Assert.Equal(64, summary["content"].GetProperty("sha256").GetString()!.Length);
        Assert.DoesNotContain("hunter2", JsonSerializer.Serialize(summary));
        Assert.DoesNotContain(document, JsonSerializer.Serialize(summary));
    }
}
