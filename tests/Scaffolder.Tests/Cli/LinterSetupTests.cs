using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Cli;

/// <summary>Where people run linters: the shipped pre-commit hook and the documented GitHub Actions job.</summary>
public sealed class LinterSetupTests
{
    private const string ShopApp = "kubernetes/clusters/live/apps/shop";
    private static readonly string HooksFile = Path.Combine(TestRepo.SourceRoot, ".pre-commit-hooks.yaml");
    private static readonly string WorkflowFixture = Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Cli", "fixtures", "github-workflow", "scaffold-check.yaml");

    [Fact]
    public void The_pre_commit_hook_builds_the_tool_and_checks_the_changed_files()
    {
        var hook = Hook();

        Scalar(hook, "language").ShouldBe("dotnet");
        Scalar(hook, "entry").ShouldBe("scaffold check");
        hook.Children.ContainsKey("pass_filenames").ShouldBeFalse("pre-commit must append the changed files (check PATH...)");
        Scalar(hook, "minimum_pre_commit_version").ShouldBe("2.21.0");
    }

    [Fact]
    public void The_hook_entry_on_the_changed_files_of_a_new_app_passes_and_flags_only_a_bad_changed_file()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "shop", "--database", "--route", "internal", "--secret", "API_KEY").ExitCode.ShouldBe(0);
        var files = new Regex(Scalar(Hook(), "files"));
        var changed = repo.Snapshot().Keys.Where(p => p.StartsWith(ShopApp + "/", StringComparison.Ordinal) || p.EndsWith("apps-resourceset.yaml", StringComparison.Ordinal)).ToList();
        var passed = changed.Where(p => files.IsMatch(p)).ToList();
        passed.Count.ShouldBeGreaterThan(5);
        passed.ShouldContain($"{ShopApp}/helmrelease.yaml");
        files.IsMatch("README.md").ShouldBeFalse();
        files.IsMatch("kubernetes/platform/versions.env").ShouldBeTrue();
        files.IsMatch("infrastructure/modules/x/main.tf").ShouldBeTrue();

        var clean = repo.Run([.. Entry(), .. passed]);

        clean.ExitCode.ShouldBe(0, clean.Output + clean.Error);
        clean.Output.ShouldContain("0 errors, 0 warnings, 0 notes");

        const string HostNetwork = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: shop\nspec:\n  hostNetwork: true\n  containers:\n    - name: debug\n      image: busybox:1.37\n";
        repo.Write($"{ShopApp}/debug-pod.yaml", HostNetwork);
        repo.Write("kubernetes/clusters/live/apps/miniflux/unchanged-pod.yaml", HostNetwork.Replace("namespace: shop", "namespace: miniflux", StringComparison.Ordinal));

        var flagged = repo.Run([.. Entry(), .. passed, $"{ShopApp}/debug-pod.yaml"]);

        flagged.ExitCode.ShouldBe(1, flagged.Output + flagged.Error);
        flagged.Output.ShouldContain($"{ShopApp}/debug-pod.yaml");
        flagged.Output.ShouldContain("SCF007");
        flagged.Output.ShouldNotContain("unchanged-pod.yaml");
    }

    [Fact]
    public void The_documented_workflow_is_parsed_by_check_without_findings()
    {
        using var repo = TestRepo.FromSample();
        var before = FilesScanned(repo);
        repo.Write(".github/workflows/scaffold-check.yaml", File.ReadAllText(WorkflowFixture));

        var result = repo.Run("check", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0);
        json.RootElement.GetProperty("summary").GetProperty("filesScanned").GetInt32().ShouldBe(before + 1, "the workflow file is read, not skipped");
        var single = repo.Run("check", ".github/workflows/scaffold-check.yaml");
        single.ExitCode.ShouldBe(0, single.Output + single.Error);
        single.Output.ShouldContain("0 errors, 0 warnings, 0 notes in 1 file");

        // Read, not skipped: the same file with a YAML syntax error is a finding in that file.
        repo.Write(".github/workflows/scaffold-check.yaml", File.ReadAllText(WorkflowFixture).Replace("    runs-on: ubuntu-latest", "    runs-on: [ubuntu-latest", StringComparison.Ordinal));
        var broken = repo.Run("check", ".github/workflows/scaffold-check.yaml");
        broken.ExitCode.ShouldBe(1, broken.Output + broken.Error);
        broken.Output.ShouldStartWith(".github/workflows/scaffold-check.yaml\n");
    }

    [Fact]
    public void The_workflow_installs_the_tool_runs_check_as_sarif_and_uploads_it_to_code_scanning()
    {
        var workflow = Yaml(File.ReadAllText(WorkflowFixture));
        ((YamlScalarNode)((YamlMappingNode)workflow["permissions"])["security-events"]).Value.ShouldBe("write");
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"])["check"])["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Field(YamlMappingNode step, string key) => step.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

        var install = steps.FindIndex(s => Field(s, "run")?.StartsWith("dotnet tool install --global Scaffolder", StringComparison.Ordinal) == true);
        var check = steps.FindIndex(s => Field(s, "run") == "scaffold check --format sarif > scaffold.sarif");
        var upload = steps.FindIndex(s => Field(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);

        install.ShouldBeGreaterThan(-1);
        check.ShouldBeGreaterThan(install);
        upload.ShouldBeGreaterThan(check);
        ((YamlScalarNode)((YamlMappingNode)steps[upload]["with"])["sarif_file"]).Value.ShouldBe("scaffold.sarif");
        Field(steps[upload], "if").ShouldBe("!cancelled()", "findings exit 1; the upload must still run");
    }

    [Fact]
    public void Docs_show_the_tested_workflow_verbatim()
    {
        var docs = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "docs", "ci.md"));

        docs.ShouldContain("```yaml\n" + File.ReadAllText(WorkflowFixture) + "```\n");
        docs.ShouldContain("      - id: scaffold-check\n");
    }

    private static int FilesScanned(TestRepo repo)
    {
        var result = repo.Run("check", "--format", "json");
        result.ExitCode.ShouldBe(0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("summary").GetProperty("filesScanned").GetInt32();
    }

    /// <summary>The hook's entry as arguments after the command name (what pre-commit runs, before the file names).</summary>
    private static string[] Entry()
    {
        var words = Scalar(Hook(), "entry").Split(' ');
        words[0].ShouldBe("scaffold");
        return words[1..];
    }

    private static YamlMappingNode Hook()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(HooksFile)));
        var hooks = ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().ToList();
        var hook = hooks.ShouldHaveSingleItem();
        Scalar(hook, "id").ShouldBe("scaffold-check");
        return hook;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
