namespace Kiro.Mcp.Workspace.Tests;

/// <summary>Trust is the user's decision, kept in their own folder: nothing a repository holds can make it trusted.</summary>
public class WorkspaceTrustTests
{
    [Fact]
    public void A_workspace_not_in_the_list_is_untrusted_and_the_refusal_says_exactly_how_to_trust_it()
    {
        using var workspace = new TempWorkspace();
        var trust = Trust(workspace, out _);

        Assert.False(trust.IsTrusted);
        var refusal = trust.Refusal("its command hooks do not run");
        Assert.Equal("workspace_untrusted", refusal.Code);
        Assert.StartsWith("This workspace is not trusted, so its command hooks do not run. ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"`kiro-mcp trust {workspace.Root.FullPath}`", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("--trust", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_that_does_not_exist_yet_beside_the_workspace_is_not_mistaken_for_one_inside_it()
    {
        using var workspace = new TempWorkspace();
        var trust = Trust(workspace, out _);

        Assert.False(trust.IsTrusted);
        Assert.DoesNotContain("inside this workspace", trust.Refusal("its command hooks do not run").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_adds_the_canonical_path_read_at_every_check_and_untrust_removes_it()
    {
        using var workspace = new TempWorkspace();
        var trust = Trust(workspace, out var list);

        Assert.True(list.Add(workspace.Root.FullPath));
        Assert.False(list.Add(workspace.Root.FullPath));
        Assert.True(trust.IsTrusted);
        Assert.Equal([workspace.Root.FullPath], list.Read());

        Assert.True(list.Remove(workspace.Root.FullPath));
        Assert.False(trust.IsTrusted);
        Assert.False(list.Remove(workspace.Root.FullPath));
    }

    [Fact]
    public void Trusting_a_folder_does_not_trust_its_sub_folders()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.Full("clone"));
        var list = new TrustList(new UserKiroFolder(Path.Join(workspace.Container, "user-kiro")));
        list.Add(workspace.Root.FullPath);

        var inner = new WorkspaceTrust(new WorkspaceRoot(workspace.Full("clone")), list, trustedForThisProcess: false);

        Assert.False(inner.IsTrusted);
    }

    [Fact]
    public void A_list_that_other_users_can_write_trusts_nothing()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes.");
        using var workspace = new TempWorkspace();
        var trust = Trust(workspace, out var list);
        list.Add(workspace.Root.FullPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(list.FilePath!, File.GetUnixFileMode(list.FilePath!) | UnixFileMode.OtherWrite);
        }

        var decision = trust.Decide();

        Assert.False(decision.Trusted);
        Assert.Contains("other users", decision.Problem, StringComparison.Ordinal);
        Assert.Contains("other users", trust.Refusal("x").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_list_trusts_nothing_and_is_never_overwritten()
    {
        using var workspace = new TempWorkspace();
        var trust = Trust(workspace, out var list);
        Directory.CreateDirectory(Path.GetDirectoryName(list.FilePath)!);
        File.WriteAllText(list.FilePath!, $"{{ \"trusted\": [\"{workspace.Root.FullPath}\" ");

        Assert.False(trust.IsTrusted);
        Assert.Equal("trust_list_invalid", Assert.Throws<KiroException>(() => list.Add(workspace.Root.FullPath)).Code);
        Assert.EndsWith("\" ", File.ReadAllText(list.FilePath!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_inside_the_workspace_is_never_read_even_when_the_user_folder_points_there()
    {
        using var workspace = new TempWorkspace();
        var list = new TrustList(new UserKiroFolder(workspace.Full(".kiro")));
        list.Add(workspace.Root.FullPath);
        var trust = new WorkspaceTrust(workspace.Root, list, trustedForThisProcess: false);

        var decision = trust.Decide();

        Assert.False(decision.Trusted);
        Assert.Contains("inside this workspace", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_that_links_into_the_workspace_is_never_read()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Symbolic links need privileges on Windows.");
        using var workspace = new TempWorkspace();
        var user = Path.Join(workspace.Container, "user-kiro");
        workspace.Write(".kiro/kiro-mcp/trusted.json", $"{{ \"trusted\": [\"{workspace.Root.FullPath}\"] }}");
        Directory.CreateDirectory(user);
        Directory.CreateSymbolicLink(Path.Join(user, TrustList.FolderName), workspace.Full(".kiro/kiro-mcp"));
        var trust = new WorkspaceTrust(workspace.Root, new TrustList(new UserKiroFolder(user)), trustedForThisProcess: false);

        Assert.False(trust.IsTrusted);
    }

    [Fact]
    public void Trust_for_this_process_needs_no_list()
    {
        using var workspace = new TempWorkspace();
        var trust = new WorkspaceTrust(workspace.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true);

        var decision = trust.Decide();

        Assert.True(decision.Trusted);
        Assert.Contains("--trust", decision.Reason, StringComparison.Ordinal);
    }

    private static WorkspaceTrust Trust(TempWorkspace workspace, out TrustList list)
    {
        list = new TrustList(new UserKiroFolder(Path.Join(workspace.Container, "user-kiro")));
        return new WorkspaceTrust(workspace.Root, list, trustedForThisProcess: false);
    }
}
