using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Tests.Validation;

// The sentences are copied from the real specs in ../shared/fixtures/kiro (both of Kiro's generations)
// and from Kiro's own templates; the counter-examples are what models and people write instead. The
// corpus test runs over our own corpus (tests/Corpus/kiro) and over ../shared when it is there.
public class EarsClassifierTests
{
    [Theory]
    // Kiro's first generation: WHEN ... THEN ... SHALL.
    [InlineData("WHEN a user provides a pipeline configuration file path THEN the CI_Time_Tracker SHALL parse the file and extract all defined steps and stages")]
    [InlineData("WHEN a user specifies `--format` flag with value \"json\" THEN the CI_Time_Tracker SHALL output results in JSON format")]
    [InlineData("WHEN [event] AND [condition] THEN [system] SHALL [response]")]
    // The newer generation: WHEN ..., THE <Component> SHALL.
    [InlineData("WHEN a new issue is created, THE Issue_Manager SHALL analyze the issue title and body using Bedrock_Classifier")]
    [InlineData("WHEN the user presses the merge keybinding on a Cursored_Branch in the Branches_View, THE Workstation SHALL initiate a Merge_Operation that merges the Cursored_Branch into the Current_Branch")]
    [InlineData("WHEN the pull succeeds without divergence (fast-forward), THE Workstation SHALL complete silently with a success Momentum_Hint")]
    [InlineData("WHEN an Agent submits a valid Write_Request, THE Gateway SHALL return a Risk_Score that is an integer in the inclusive range 0 to 100.")]
    [InlineData("WHEN a Write_Request has the DELETE Operation AND the Policy `allow_delete` Allow_Rule is enabled, THE Gateway SHALL proceed to normal policy evaluation")]
    // The docs' form, without comma or THEN.
    [InlineData("WHEN a user submits valid registration data THE SYSTEM SHALL create a new user account")]
    // Bugfix expected and unchanged clauses.
    [InlineData("WHEN `create_pcs_cluster` is called with a `privateSubnetIds` list containing one or more subnets THEN the system SHALL pass only the first subnet from the list to the PCS `CreateCluster` API's `networking.subnetIds`")]
    [InlineData("WHEN `create_pcs_cluster` is called THEN the system SHALL CONTINUE TO pass the same `clusterName`, `scheduler`, `size`, `securityGroupIds`, `slurmConfiguration`, and `tags` parameters unchanged")]
    // Kiro writes specs in the user's language, keywords included.
    [InlineData("WENN eine ZIP-Datei hochgeladen wird, deren entpackte Gesamtgröße ein konfiguriertes Limit (Standard: 500 MB) überschreitet, DANN SOLL das System die Verarbeitung abbrechen und einen Fehler zurückgeben")]
    [InlineData("WENN eine gültige ZIP-Datei mit einem einzelnen Song-Manifest hochgeladen wird, DANN SOLL das System WEITERHIN den Import korrekt validieren und ausführen")]
    // Markdown around the keywords, a list marker, a trailing period, lower case.
    [InlineData("**WHEN** the user saves, **THE** Editor **SHALL** store the note.")]
    [InlineData("`WHEN` the user saves, THE Editor SHALL store the note")]
    [InlineData("`WHEN the user saves, THE Editor SHALL store the note")]
    [InlineData("1. WHEN the user saves, THE Editor SHALL store the note")]
    [InlineData("2.1 WHEN the user saves THEN the system SHALL store the note")]
    [InlineData("when the user saves, the editor shall store the note")]
    // A lower-case "where" inside the condition is prose, not a second preamble.
    [InlineData("WHEN the user types where the cursor is, THE Editor SHALL insert the text there")]
    public void Event_driven_criteria_are_recognised(string criterion)
    {
        Assert.Equal(EarsPattern.EventDriven, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("THE Bedrock_Classifier SHALL use AWS Bedrock Claude Sonnet 4 model via inference profile")]
    [InlineData("THE CI_Time_Tracker repository SHALL include a LICENSE file with MIT license text")]
    [InlineData("THE Gateway SHALL compute the Risk_Score deterministically, such that two evaluations with an identical Write_Request and identical Policy always produce the same Risk_Score.")]
    [InlineData("EACH Confetti_Particle SHALL have a random color chosen from the set `['#790ECB', '#9b3de8', '#ffffff', '#FFD700']`")]
    [InlineData("THE Workstation SHALL assign `M` to the merge operation in the Branches_View")]
    [InlineData("THE [system] SHALL [persistent invariant]")]
    [InlineData("The Editor SHALL NOT store passwords in plain text")]
    public void Ubiquitous_criteria_are_recognised(string criterion)
    {
        Assert.Equal(EarsPattern.Ubiquitous, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("WHILE a branch operation is in progress, THE Workstation SHALL display a loading indicator in the footer with the operation name")]
    [InlineData("WHILE the Kill_Switch is engaged, THE Gateway SHALL deny every write action regardless of any other Policy rule and without mutating the ServiceNow instance.")]
    [InlineData("WHILE [ongoing condition], THE [system] SHALL [continuous behavior]")]
    public void State_driven_criteria_are_recognised(string criterion)
    {
        Assert.Equal(EarsPattern.StateDriven, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("IF a required input file does not exist THEN the CI_Time_Tracker SHALL exit with a non-zero status code and descriptive error message")]
    [InlineData("IF a force-push fails because the remote has unseen commits, THEN THE Workstation SHALL display an error message recommending a fetch before retrying")]
    [InlineData("IF [precondition] THEN [system] SHALL [response]")]
    public void Unwanted_behaviour_criteria_are_recognised(string criterion)
    {
        Assert.Equal(EarsPattern.Unwanted, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("WHERE the configured Protected_Priority set is empty, THE Gateway SHALL NOT classify any Write_Request as NEEDS_APPROVAL on the basis of protected priority.")]
    [InlineData("WHERE the Decision Effect is ALLOW and the Kill_Switch is not engaged, THE Gateway SHALL apply the Write_Request to the ServiceNow_Instance")]
    [InlineData("WHERE [context applies], THE [system] SHALL [context-specific behavior]")]
    public void Optional_feature_criteria_are_recognised(string criterion)
    {
        Assert.Equal(EarsPattern.Optional, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("WHILE the Kill_Switch is engaged, WHEN a `guarded_write` is attempted, THE Gateway SHALL raise `KillSwitchEngaged`, leave the target record unchanged")]
    [InlineData("IF a Write_Request requires approval WHEN a `guarded_write` is attempted, THEN THE Gateway SHALL raise `ApprovalRequired` with a protected-priority reason")]
    [InlineData("WHERE offline mode is enabled, WHEN the user saves, THE Editor SHALL queue the note")]
    public void Criteria_with_several_kinds_of_preamble_are_complex(string criterion)
    {
        Assert.Equal(EarsPattern.Complex, EarsClassifier.Classify(criterion));
    }

    [Theory]
    // No SHALL at all: prose, "should"/"must", and a bugfix current-behaviour clause.
    [InlineData("A softened message that quietly loses \"5pm on the 28th\" or \"$75\" is worse than")]
    [InlineData("The system should save the note")]
    [InlineData("Users must be able to log in")]
    [InlineData("WHEN `create_pcs_cluster` is called with a `privateSubnetIds` list containing more than one subnet THEN the system raises a `ValidationException`")]
    // SHALL only inside code is not a SHALL.
    [InlineData("WHEN the user types `if x then y shall z`, the editor highlights it")]
    // A SHALL with nothing to do, or nobody to do it.
    [InlineData("THE Editor SHALL")]
    [InlineData("THE Editor SHALL NOT.")]
    [InlineData("WHEN the user saves, THE Editor SHALL CONTINUE TO")]
    [InlineData("SHALL store the note")]
    // A preamble keyword with no condition, or a condition EARS has no slot for.
    [InlineData("WHEN, THE Editor SHALL store the note")]
    [InlineData("On startup, the app SHALL load the settings")]
    [InlineData("The app WHEN idle SHALL sync the notes")]
    // German keywords count only in capitals, as Kiro writes them; lower case is prose.
    [InlineData("wenn eine Datei hochgeladen wird, dann soll das System sie prüfen")]
    [InlineData("")]
    [InlineData("   ")]
    public void Anything_else_is_unrecognized(string criterion)
    {
        Assert.Equal(EarsPattern.Unrecognized, EarsClassifier.Classify(criterion));
    }

    [Theory]
    [InlineData("The system should save the note", "no SHALL")]
    [InlineData("THE Editor SHALL", "nothing follows SHALL")]
    [InlineData("WHEN, THE Editor SHALL store the note", "WHEN has no condition")]
    [InlineData("On startup, the app SHALL load the settings", "not introduced by a leading WHEN")]
    public void An_unrecognized_criterion_comes_with_the_reason(string criterion, string reason)
    {
        var (pattern, problem) = EarsClassifier.Analyze(criterion);

        Assert.Equal(EarsPattern.Unrecognized, pattern);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public void Every_criterion_in_the_fixture_specs_is_classified_without_throwing(string corpus)
    {
        var fixtures = KiroFixtures.Named(corpus);
        var lines = FixturePaths.Files(fixtures, "requirements.md").Concat(FixturePaths.Files(fixtures, "bugfix.md"))
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains("SHALL", StringComparison.Ordinal))
            .ToList();

        var patterns = lines.Select(EarsClassifier.Classify).ToList();

        Assert.NotEmpty(lines);
        // Real Kiro specs are overwhelmingly EARS; a classifier that rejects them is wrong, not the specs.
        Assert.True(patterns.Count(p => p == EarsPattern.Unrecognized) * 20 < patterns.Count,
            string.Join("\n", lines.Where((_, i) => patterns[i] == EarsPattern.Unrecognized)));
    }
}
