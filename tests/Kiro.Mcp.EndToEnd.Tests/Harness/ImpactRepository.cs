using System.Text.Json;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The repository the impact tests (the <c>impact</c> command and the <c>spec_impact</c> tool) start from: the workout spec
/// approved, tasks 1.1 and 2 done with the code they wrote committed, tagged <c>base</c>; then, on a branch <c>reword</c>,
/// criterion 1.1 reworded, task 2 reopened and both tasks' code edited (left for the caller to commit).
/// </summary>
public static class ImpactRepository
{
    public const string Spec = "workout-logging";
    public const string Requirements = $".kiro/specs/{Spec}/requirements.md";
    public const string TasksFile = $".kiro/specs/{Spec}/tasks.md";

    /// <summary>Writes and approves the spec with <paramref name="tasks"/>, does tasks 1.1 and 2, tags <c>base</c>; returns the two task_complete results.</summary>
    public static async Task<IReadOnlyList<JsonElement>> DoTasksAsync(ServerConnection server, TempWorkspace repo, string tasks)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(repo);
        await server.CallOkAsync("spec_create", new { name = Spec });
        foreach (var (document, content) in new[] { ("requirements", WorkoutSpec.Requirements), ("design", WorkoutSpec.Design), ("tasks", tasks) })
        {
            await server.CallOkAsync("spec_write", new { spec = Spec, document, content });
            await server.CallOkAsync("spec_approve", new { spec = Spec, document });
        }
        Git.CommitAll(repo.Root, "Spec");
        var completions = new List<JsonElement>();
        foreach (var (task, file) in new[] { ("1.1", "src/add.txt"), ("2", "src/history.txt") })
        {
            await server.CallOkAsync("task_start", new { spec = Spec, taskId = task });
            repo.Write(file, task);
            Git.CommitAll(repo.Root, $"Task {task}");
            completions.Add(await server.CallOkAsync("task_complete", new { spec = Spec, taskId = task, verify = false }));
        }
        Git.CommitAll(repo.Root, "Tasks done");
        Git.Run(repo.Root, "tag", "base");
        return completions;
    }

    /// <summary>On a new branch <c>reword</c>: criterion 1.1 reworded, task 2 reopened, both tasks' code edited; nothing committed.</summary>
    public static void Reword(TempWorkspace repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        Git.Run(repo.Root, "checkout", "-q", "-b", "reword");
        repo.Write(Requirements, repo.Read(Requirements).Replace("store it with the current date", "store it with the date the user chose", StringComparison.Ordinal));
        repo.Write(TasksFile, repo.Read(TasksFile).Replace("- [x] 2. Implement History", "- [ ] 2. Implement History", StringComparison.Ordinal));
        repo.Write("src/add.txt", "add with a chosen date");
        repo.Write("src/history.txt", "history, changed");
    }
}
