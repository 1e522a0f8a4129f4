using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Snapshots;

/// <summary>
/// Golden-file tests: every scenario of scenarios.yaml renders into a copy of samples/homelab and each created or
/// changed file must equal its approved file. Missing and extra files fail. To accept new output, run the tests with
/// SCAFFOLD_ACCEPT=1 (ignored when CI is set) and review the approved files like code.
/// Scenarios run in-process, so dates must not depend on the day: the static constructor sets SOURCE_DATE_EPOCH
/// (the reproducible-builds convention the <c>today</c> data provider honours) to <see cref="SourceDateEpoch"/> for
/// the whole test process unless it is already set.
/// Answers files (<c>.scaffold/answers/</c>) are compared with their <c>tool:</c> and <c>hash:</c> values replaced by
/// <see cref="Normalised"/>: the tool version and the template folder's content hash change with every release and
/// every template edit, while what the snapshot reviews (parameters, files, blob ids, inserted lines) does not.
/// </summary>
public sealed class SnapshotTests
{
    /// <summary>2025-01-01T00:00:00Z, the date of generated files such as decision records.</summary>
    public const string SourceDateEpoch = "1735689600";

    static SnapshotTests()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")))
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", SourceDateEpoch);
        }
    }

    /// <summary>What the tool version and template hashes of answers files read as in approved files.</summary>
    public const string Normalised = "<normalised>";

    public static string ApprovedRoot => Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Snapshots", "approved");

    public static IReadOnlyList<(string Id, string[] Args)> Scenarios { get; } = LoadScenarios();

    public static TheoryData<string> ScenarioIds => new(Scenarios.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Scenario_output_matches_approved_files(string id)
    {
        var produced = Render(id);
        var approvedDir = Path.Combine(ApprovedRoot, id);
        if (Environment.GetEnvironmentVariable("SCAFFOLD_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            if (Directory.Exists(approvedDir))
            {
                Directory.Delete(approvedDir, recursive: true);
            }

            foreach (var (path, bytes) in produced)
            {
                var target = Path.Combine(approvedDir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
        }

        var approved = Directory.Exists(approvedDir) ? TestRepo.SnapshotOf(approvedDir) : new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var missing in approved.Keys.Except(produced.Keys))
        {
            problems.AppendLine($"missing: {missing} (approved but not generated)");
        }

        foreach (var extra in produced.Keys.Except(approved.Keys))
        {
            problems.AppendLine($"extra: {extra} (generated but not approved)");
        }

        foreach (var (path, bytes) in produced.Where(p => approved.ContainsKey(p.Key)))
        {
            if (!bytes.AsSpan().SequenceEqual(approved[path]))
            {
                problems.AppendLine($"changed: {path}").Append(LineDiff(Encoding.UTF8.GetString(approved[path]), Encoding.UTF8.GetString(bytes)));
            }
        }

        if (problems.Length > 0)
        {
            Assert.Fail($"scenario '{id}' differs from {approvedDir} (accept with SCAFFOLD_ACCEPT=1 dotnet test, then review):\n{problems}");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Scenario_output_passes_scaffold_check(string id)
    {
        using var repo = TestRepo.FromSample();
        var generate = repo.Run(Scenarios.Single(s => s.Id == id).Args);
        generate.ExitCode.ShouldBe(0, generate.Error);

        var check = repo.Run("check");

        check.ExitCode.ShouldBe(0, check.Output);
        check.Output.ShouldContain("0 errors, 0 warnings, 0 notes");
    }

    /// <summary>Renders a scenario and returns the files it created or changed.</summary>
    public static SortedDictionary<string, byte[]> Render(string id)
    {
        var args = Scenarios.Single(s => s.Id == id).Args;
        using var repo = TestRepo.FromSample();
        var before = TestRepo.SnapshotOf(repo.Root);
        var result = repo.Run(args);
        result.ExitCode.ShouldBe(0, $"scaffold {string.Join(' ', args)} failed: {result.Error}");
        var after = TestRepo.SnapshotOf(repo.Root);
        var changed = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, bytes) in after)
        {
            if (!before.TryGetValue(path, out var old) || !old.AsSpan().SequenceEqual(bytes))
            {
                changed[path] = path.StartsWith(".scaffold/answers/", StringComparison.Ordinal) ? NormaliseAnswers(bytes) : bytes;
            }
        }

        before.Keys.Except(after.Keys).ShouldBeEmpty("a scenario must not delete files");
        return changed;
    }

    private static byte[] NormaliseAnswers(byte[] bytes) =>
        Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(
            Encoding.UTF8.GetString(bytes), "^( *(?:- )?(?:tool|hash)): \"[^\"\n]*\"$", $"$1: \"{Normalised}\"", System.Text.RegularExpressions.RegexOptions.Multiline));

    private static string LineDiff(string approved, string received)
    {
        var builder = new StringBuilder();
        var model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(approved, received, ignoreWhitespace: false);
        var number = 0;
        foreach (var line in model.Lines)
        {
            number++;
            if (line.Type == ChangeType.Inserted)
            {
                builder.AppendLine($"  + {number,4}: {line.Text}");
            }
            else if (line.Type == ChangeType.Deleted)
            {
                builder.AppendLine($"  - {number,4}: {line.Text}");
            }
        }

        return builder.ToString();
    }

    private static List<(string Id, string[] Args)> LoadScenarios()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Snapshots", "scenarios.yaml"))));
        return ((YamlSequenceNode)stream.Documents[0].RootNode).Children
            .Cast<YamlMappingNode>()
            .Select(item => (
                ((YamlScalarNode)item.Children["id"]).Value!,
                ((YamlSequenceNode)item.Children["args"]).Children.Select(a => ((YamlScalarNode)a).Value!).ToArray()))
            .ToList();
    }
}
