using System.Diagnostics;
using System.Text.RegularExpressions;
using Scaffolder.Cli;
using Scaffolder.Core.Check;
using Scaffolder.Core.IO;
using Scaffolder.Tests.Check;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Conformance;

/// <summary>
/// <c>scaffold check --crds</c> (SCF037, issue 17 item 4) against the upstream CRDs in <c>../shared/crds</c>: the tool's
/// own output passes, and on the same documents it gives the verdicts of the conformance suite's independent validator
/// (tests/conformance/validate-manifests.mjs: ajv, strict as kubeconform -strict).
/// </summary>
public sealed partial class CrdOptionTests
{
    private static readonly string ConformanceDir = Path.Combine(TestRepo.SourceRoot, "tests", "conformance");

    /// <summary>
    /// The one intended difference: a variable embedded in a typed scalar (<c>instances: ${replicas}0</c>). The conformance
    /// validator only skips a value that is exactly a placeholder; <c>--crds</c> accepts any scalar holding a variable
    /// that stays unknown, as issue 17 asks: its value is not known before Flux substitutes it.
    /// </summary>
    private const string EmbeddedPlaceholder = "Cluster: placeholder inside an int";

    /// <summary>SCF037, and SCF031 for a document that does not parse (the conformance validator fails it as well).</summary>
    private static CheckReport CheckCrds(string root, params string[] alsoRules) =>
        new RepoChecker(PhysicalFileSystem.Instance, CheckConventions.Default)
            .Check(root, [], new CheckOptions { RuleIds = ["SCF037", .. alsoRules], CrdDirectories = [SharedData.Crds] });

    [Fact]
    public void Every_scenario_the_tool_renders_passes_crds_with_no_finding()
    {
        using var parent = TestRepo.Empty();
        foreach (var (id, args) in SnapshotTests.Scenarios)
        {
            var root = Path.Combine(parent.Root, id);
            CopyDirectory(TestRepo.SampleRoot, root);
            using var output = new StringWriter();
            using var error = new StringWriter();
            CliApp.Run([.. args, "--repo", root], output, error, root).ShouldBe(0, $"{id}: {error}");
        }

        var report = CheckCrds(parent.Root);

        report.Findings.Select(f => $"{f.File}:{f.Line} {f.Message}").ShouldBeEmpty();
        report.ManifestsScanned.ShouldBeGreaterThan(500);

        // The same run sees a wrong field: the documents were validated, not skipped.
        var cluster = Directory.EnumerateFiles(Path.Combine(parent.Root, "database-dedicated"), "database-cluster.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(cluster, File.ReadAllText(cluster).Replace("  imageName:", "  image:", StringComparison.Ordinal));
        CheckCrds(parent.Root).Findings.ShouldHaveSingleItem().Message.ShouldEndWith("does not match its CRD schema: spec.image: unknown field spec.image.");
    }

    [Fact]
    public void Crds_gives_the_verdicts_of_the_conformance_validator_on_the_same_documents()
    {
        using var parent = TestRepo.Empty();
        var cases = new List<string>();
        var index = 0;
        foreach (var row in CrdSchemaTests.WrongFields)
        {
            var (name, file, find, replace) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            var original = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, file));
            original.ShouldContain(find, Case.Sensitive, name);
            var folder = name == EmbeddedPlaceholder ? "embedded" : $"case{index++:D2}";
            Write(parent.Root, folder, Path.GetFileName(file), original.Replace(find, replace, StringComparison.Ordinal));
            Write(parent.Root, folder + "-original", Path.GetFileName(file), original);
            cases.Add(folder);
            cases.Add(folder + "-original");
        }

        var conformance = RunConformance(parent.Root);
        var scaffold = CheckCrds(parent.Root, "SCF031");

        var failedByConformance = FailLine().Matches(conformance).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var failedByScaffold = scaffold.Findings.Select(f => f.File.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var verdicts = cases.Select(c => $"{c}: conformance {Verdict(failedByConformance, c)}, scaffold {Verdict(failedByScaffold, c)}").ToList();
        var disagreements = verdicts.Where(v => !v.EndsWith($"scaffold {v.Split("conformance ")[1].Split(',')[0]}", StringComparison.Ordinal)).ToList();

        disagreements.ShouldBe(["embedded: conformance fail, scaffold pass"], string.Join('\n', verdicts) + "\n" + conformance);
        failedByScaffold.Count.ShouldBeGreaterThanOrEqualTo(CrdSchemaTests.WrongFields.Count);
    }

    private static string Verdict(HashSet<string> failed, string folder) => failed.Contains(folder) ? "fail" : "pass";

    private static void Write(string root, string folder, string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, folder, name), text);
    }

    private static string RunConformance(string directory)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ConformanceDir, "validate-manifests.mjs"));
        start.ArgumentList.Add(".");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).ShouldBeTrue("validate-manifests.mjs did not finish within 3 minutes");
        return stdout.Result + stderr.Result;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^FAIL ([^/]+)/", RegexOptions.Multiline)]
    private static partial Regex FailLine();
}
