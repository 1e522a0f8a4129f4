using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Cli;

public sealed class NewAppTests
{
    private const string ResourceSet = "kubernetes/clusters/live/apps/apps-resourceset.yaml";
    private const string AppDir = "kubernetes/clusters/live/apps/demo";

    [Fact]
    public void New_app_creates_the_folder_and_adds_exactly_one_resourceset_input()
    {
        using var repo = TestRepo.FromSample();
        var original = repo.Read(ResourceSet);

        var result = repo.Run("new", "app", "demo", "--profile", "internal", "--access", "postgres");

        result.ExitCode.ShouldBe(0, result.Error);
        foreach (var file in new[] { "namespace.yaml", "helmrepository.yaml", "helmrelease.yaml", "kustomization.yaml", "canary.yaml", "prometheus-rules.yaml", "grafana-dashboard.yaml" })
        {
            File.Exists(repo.PathOf($"{AppDir}/{file}")).ShouldBeTrue(file);
        }

        Inputs(repo.Read(ResourceSet)).ShouldBe(["miniflux", "demo"]);
        var updated = repo.Read(ResourceSet);
        var inserted = "    - name: demo\n      path: kubernetes/clusters/live/apps/demo\n      dependsOn: []\n";
        updated.Replace(inserted, string.Empty, StringComparison.Ordinal).ShouldBe(original);
        repo.Read($"{AppDir}/namespace.yaml").ShouldContain("access.network-policy.homelab/postgres: \"true\"");
        repo.Read($"{AppDir}/namespace.yaml").ShouldContain("network-policy.homelab/profile: internal\n");
    }

    [Fact]
    public void Generated_kustomization_lists_exactly_the_generated_files()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);

        var listed = Yaml(repo.Read($"{AppDir}/kustomization.yaml"))["resources"].ShouldBeOfType<YamlSequenceNode>()
            .Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        var files = Directory.GetFiles(repo.PathOf(AppDir)).Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order().ToList();
        listed.Order().ShouldBe(files);
        listed.ShouldBe(["namespace.yaml", "canary.yaml", "prometheus-rules.yaml", "grafana-dashboard.yaml", "helmrepository.yaml", "helmrelease.yaml"]);
    }

    [Fact]
    public void Dashboard_is_a_grafana_sidecar_configmap_with_valid_json()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "demo", "--dashboard-folder", "Media").ExitCode.ShouldBe(0);

        var configMap = Yaml(repo.Read($"{AppDir}/grafana-dashboard.yaml"));
        var metadata = (YamlMappingNode)configMap["metadata"];
        ((YamlScalarNode)metadata["name"]).Value.ShouldBe("grafana-dashboard-demo");
        ((YamlScalarNode)metadata["namespace"]).Value.ShouldBe("monitoring");
        ((YamlScalarNode)((YamlMappingNode)metadata["labels"])["grafana_dashboard"]).Value.ShouldBe("true");
        ((YamlScalarNode)((YamlMappingNode)metadata["annotations"])["grafana_folder"]).Value.ShouldBe("Media");
        using var dashboard = JsonDocument.Parse(((YamlScalarNode)((YamlMappingNode)configMap["data"])["demo.json"]).Value!);
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        panels.Count.ShouldBe(4);
        panels.ShouldAllBe(p => p.GetProperty("datasource").GetProperty("uid").GetString() == "prometheus");
        panels[1].GetProperty("targets")[0].GetProperty("legendFormat").GetString().ShouldBe("{{pod}}");
        panels[0].GetProperty("targets")[0].GetProperty("expr").GetString().ShouldBe("sum(up{namespace=\"demo\", service=\"demo\"})");
    }

    [Fact]
    public void Second_identical_run_changes_nothing()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "demo", "--profile", "internal", "--access", "postgres").ExitCode.ShouldBe(0);
        var before = repo.Snapshot();

        var again = repo.Run("new", "app", "demo", "--profile", "internal", "--access", "postgres");

        again.ExitCode.ShouldBe(0, again.Error);
        again.Output.ShouldNotContain("create ");
        again.Output.ShouldNotContain("update ");
        again.Output.ShouldContain("identical");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Edited_file_is_a_conflict_exit_3_and_stays_as_edited()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);
        var edited = repo.Read($"{AppDir}/helmrelease.yaml") + "# my edit\n";
        repo.Write($"{AppDir}/helmrelease.yaml", edited);
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("helmrelease.yaml");
        repo.Read($"{AppDir}/helmrelease.yaml").ShouldBe(edited);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Force_overwrites_a_conflicting_file()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);
        var generated = repo.Read($"{AppDir}/helmrelease.yaml");
        repo.Write($"{AppDir}/helmrelease.yaml", generated + "# my edit\n");

        repo.Run("new", "app", "demo", "--force").ExitCode.ShouldBe(0);

        repo.Read($"{AppDir}/helmrelease.yaml").ShouldBe(generated);
    }

    [Fact]
    public void Dry_run_writes_nothing_and_reports_the_plan()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo", "--dry-run", "--diff");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain($"create     {AppDir}/namespace.yaml");
        result.Output.ShouldContain("+    - name: demo");
        result.Output.ShouldContain("nothing written");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Json_format_prints_the_plan()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("new", "app", "demo", "--dry-run", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("template").GetString().ShouldBe("app");
        json.RootElement.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        changes.ShouldContain(c => c.GetProperty("path").GetString() == ResourceSet && c.GetProperty("action").GetString() == "update");
        changes.Count(c => c.GetProperty("action").GetString() == "create").ShouldBe(8);
        changes.ShouldContain(c => c.GetProperty("path").GetString() == ".scaffold/answers/app/demo.yaml" && c.GetProperty("action").GetString() == "create");
    }

    [Theory]
    [InlineData("Demo_1")]
    [InlineData("../x")]
    [InlineData("")]
    [InlineData("-demo")]
    [InlineData("demo-")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234567890")]
    public void Bad_name_exits_2_with_one_line_and_writes_nothing(string name)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", name);

        result.ExitCode.ShouldBe(2);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, result.Error);
        result.Error.ShouldStartWith("error: ");
        result.Error.ShouldNotContain("   at ");
        repo.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--profile", "open")]
    [InlineData("--access", "postgres,redis")]
    [InlineData("--version", "latest")]
    [InlineData("--cluster", "staging")]
    [InlineData("--image", "ghcr.io/x/y:latest")]
    public void Bad_option_value_exits_2_and_writes_nothing(string option, string value)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo", option, value);

        result.ExitCode.ShouldBe(2, result.Output);
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1, result.Error);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Works_on_an_empty_folder_with_embedded_defaults()
    {
        using var repo = TestRepo.Empty();

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(0, result.Error);
        Inputs(repo.Read(ResourceSet)).ShouldBe(["demo"]);
        repo.Read("kubernetes/clusters/live/apps/kustomization.yaml").ShouldContain("- apps-resourceset.yaml");
        repo.Read("kubernetes/clusters/live/versions.env").ShouldContain("# renovate: datasource=docker depName=ghcr.io/example/demo\ndemo_version=0.1.0\n");
    }

    [Fact]
    public void List_and_template_help_show_templates_and_parameters()
    {
        using var repo = TestRepo.FromSample();

        var list = repo.Run("list");
        var help = repo.Run("new", "app", "--help");

        list.ExitCode.ShouldBe(0);
        list.Output.ShouldContain("app ");
        help.ExitCode.ShouldBe(0);
        help.Output.ShouldContain("--profile");
        help.Output.ShouldContain("isolated|internal|internal-egress|standard");
        help.Output.ShouldContain("--port");
        help.Output.ShouldContain("default: 8080");
    }

    [Fact]
    public void Init_writes_the_commented_defaults_which_load_back()
    {
        using var repo = TestRepo.Empty();

        repo.Run("init").ExitCode.ShouldBe(0);

        repo.Read(".scaffold.yaml").ShouldContain("# .scaffold.yaml");
        repo.Run("new", "app", "demo", "--dry-run").ExitCode.ShouldBe(0);
        // init is a plan like `new`: a re-run is identical; a changed .scaffold.yaml is a conflict (InitBootstrapTests).
        repo.Run("init").Output.ShouldContain("identical  .scaffold.yaml");
    }

    [Fact]
    public void Init_writes_the_renovate_config_of_docs_renovate_at_the_root()
    {
        using var repo = TestRepo.Empty();

        var result = repo.Run("init");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("create     renovate.json");
        repo.Read("renovate.json").ShouldBe(File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "docs", "renovate", "renovate.json")));
    }

    [Theory]
    [InlineData("renovate.json")]
    [InlineData(".github/renovate.json5")]
    public void Init_keeps_an_existing_renovate_config_and_writes_no_second_one(string existing)
    {
        using var repo = TestRepo.Empty();
        repo.Write(existing, "{ \"extends\": [\"config:recommended\"] }\n");

        var result = repo.Run("init");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldNotContain("create     renovate.json");
        repo.Read(existing).ShouldBe("{ \"extends\": [\"config:recommended\"] }\n");
        File.Exists(Path.Combine(repo.Root, "renovate.json")).ShouldBe(existing == "renovate.json");
    }

    private static List<string?> Inputs(string resourceSet) =>
        ((YamlSequenceNode)((YamlMappingNode)Yaml(resourceSet)["spec"])["inputs"]).Children
            .Select(i => ((YamlScalarNode)((YamlMappingNode)i)["name"]).Value)
            .ToList();

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
