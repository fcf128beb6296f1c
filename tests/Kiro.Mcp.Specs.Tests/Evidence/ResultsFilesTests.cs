using System.Diagnostics;
using Kiro.Mcp.Specs.Evidence;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Evidence;

public sealed class ResultsFilesTests : IDisposable
{
    private const string Junit = """<testsuite name="s"><testcase name="Feature: x, Requirements: 1.1" /></testsuite>""";

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-results-").FullName;

    [Theory]
    [InlineData("TestResults/*.trx")]
    [InlineData("reports/junit.xml")]
    [InlineData("TestResults/**/*.xml")]
    [InlineData("**/*.trx")]
    [InlineData("junit-?.xml")]
    public void A_relative_glob_with_wildcards_in_its_file_name_is_accepted(string pattern) => ResultsFiles.CheckPattern(pattern);

    [Theory]
    [InlineData("../TestResults/*.xml", "results_outside_workspace")]
    [InlineData("/home/user/*.xml", "results_outside_workspace")]
    [InlineData("C:/results/*.xml", "results_outside_workspace")]
    [InlineData("TestResults\\*.xml", "results_outside_workspace")]
    [InlineData("~/results.xml", "results_outside_workspace")]
    [InlineData("a//b.xml", "results_outside_workspace")]
    [InlineData("*/results.xml", "settings_invalid")]
    [InlineData("**/**/a.xml", "settings_invalid")]
    [InlineData("**/a/b.xml", "settings_invalid")]
    [InlineData("TestResults/**", "settings_invalid")]
    public void A_glob_that_is_not_a_plain_relative_path_is_refused(string pattern, string code) =>
        Assert.Equal(code, Assert.Throws<KiroException>(() => ResultsFiles.CheckPattern(pattern)).Code);

    [Fact]
    public void Only_files_written_since_the_command_started_are_read_below_a_double_star()
    {
        var since = DateTimeOffset.UtcNow;
        Write("TestResults/a/new.xml", Junit);
        Write("TestResults/old.xml", Junit);
        File.SetLastWriteTimeUtc(Path.Combine(_root, "TestResults/old.xml"), since.UtcDateTime.AddMinutes(-5));
        Write("TestResults/a/notes.txt", "not matched");

        var read = ResultsFiles.Read(Store(), "TestResults/**/*.xml", since);

        Assert.Equal(["TestResults/a/new.xml"], read.Files);
        Assert.Equal(["Feature: x, Requirements: 1.1"], read.Tests.Select(t => t.Name));
        Assert.Empty(read.Notes);
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_skipped_unread_with_a_note()
    {
        Directory.CreateDirectory(Path.Combine(_root, "TestResults"));
        using (var large = File.Create(Path.Combine(_root, "TestResults/huge.xml")))
        {
            large.SetLength(ResultsFiles.MaxBytes + 1); // sparse: costs no disk
        }

        var read = ResultsFiles.Read(Store(), "TestResults/*.xml", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Empty(read.Files);
        Assert.Contains(read.Notes, n => n.Contains($"read up to {ResultsFiles.MaxBytes:N0}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_pipe_is_not_read_and_cannot_hang_the_server()
    {
        Directory.CreateDirectory(Path.Combine(_root, "TestResults"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_root, "TestResults/pipe.xml")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var read = ResultsFiles.Read(Store(), "TestResults/*.xml", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Empty(read.Files);
        Assert.Contains(read.Notes, n => n.Contains("not a regular file", StringComparison.Ordinal));
    }

    private FileStore Store() => new(new WorkspaceRoot(_root));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
