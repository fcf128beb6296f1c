using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Names and paths that try to leave the workspace are refused, and nothing is written anywhere.</summary>
public class HostileInputTests
{
    public static TheoryData<string> HostileNames =>
    [
        "..", ".", "../escape", "../../etc/passwd", "a/../../b", "/etc/passwd", "\\etc\\passwd",
        "C:\\Windows\\win.ini", "C:evil", "\\\\server\\share", "//server/share", "x\0y", "~/specs",
        "", " ", "a/b", "a\\b", "spec\nname", "tab\tname", new string('a', 65), "%2e%2e", ".kiro",
        "..\\..\\x", "sp ec",
    ];

    [Fact]
    public async Task Hostile_spec_names_are_refused_by_every_tool_and_nothing_is_written()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "real" });
        var before = workspace.Snapshot();

        var names = HostileNames.Select(row => (string)row.Data).ToList();
        Assert.True(names.Count >= 20);
        foreach (var name in names)
        {
            await server.CallErrorAsync("spec_create", new { name }, "spec_name_invalid");
            await server.CallErrorAsync("spec_write", new { spec = name, document = "requirements", content = "# pwned" }, "spec_name_invalid");
            await server.CallErrorAsync("spec_read", new { spec = name, document = "requirements" }, "spec_name_invalid");
            await server.CallErrorAsync("spec_approve", new { spec = name, document = "requirements" }, "spec_name_invalid");
            await server.CallErrorAsync("spec_status", new { spec = name }, "spec_name_invalid");
        }
        await server.CallErrorAsync("spec_write", new { spec = "real", document = "../../../etc/passwd", content = "x" }, "document_invalid");
        await server.CallErrorAsync("spec_read", new { spec = "real", document = "/etc/passwd" }, "document_invalid");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_spec_folder_that_is_a_symlink_out_of_the_workspace_is_refused()
    {
        using var workspace = new TempWorkspace();
        var outside = Path.Combine(workspace.Parent, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "requirements.md"), "secret");
        Directory.CreateDirectory(workspace.PathOf(".kiro/specs"));
        Directory.CreateSymbolicLink(workspace.PathOf(".kiro/specs/linked"), outside);
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        var before = workspace.Snapshot();

        await server.CallErrorAsync("spec_read", new { spec = "linked", document = "requirements" }, "path_outside_workspace");
        await server.CallErrorAsync("spec_write", new { spec = "linked", document = "requirements", content = "pwned" }, "path_outside_workspace");

        Assert.Equal("secret", File.ReadAllText(Path.Combine(outside, "requirements.md")));
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Unknown_specs_documents_and_sections_get_errors_that_say_what_to_do()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "known" });

        Assert.Contains("known", await server.CallErrorAsync("spec_status", new { spec = "unknown" }, "spec_not_found"));
        await server.CallErrorAsync("spec_create", new { name = "known" }, "spec_exists");
        await server.CallErrorAsync("spec_create", new { name = "known", type = "epic" }, "type_invalid");
        Assert.Contains("Introduction", await server.CallErrorAsync("spec_read", new { spec = "known", document = "requirements", section = "Nope" }, "section_not_found"));
        await server.CallErrorAsync("spec_read", new { spec = "known", document = "design" }, "document_missing");
    }
}
