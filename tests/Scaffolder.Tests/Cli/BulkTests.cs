using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Cli;

public sealed class BulkTests
{
    private const string ResourceSet = "kubernetes/clusters/live/apps/apps-resourceset.yaml";
    private const string Apps = "kubernetes/clusters/live/apps";
    private const string Versions = "kubernetes/clusters/live/versions.env";

    [Fact]
    public void Values_file_creates_every_app_and_one_resourceset_input_each()
    {
        var repo = MemoryRepo.FromSample();
        var names = Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"bulk-{i}")).ToList();
        repo.Write("many.yaml", string.Concat(names.Select(n => $"- name: {n}\n")));

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        Inputs(repo.Read(ResourceSet)).ShouldBe(["miniflux", .. names]);
        foreach (var name in names)
        {
            repo.FileSystem.FileExists(repo.PathOf($"{Apps}/{name}/helmrelease.yaml")).ShouldBeTrue(name);
            repo.Read($"{Apps}/{name}/namespace.yaml").ShouldContain($"name: {name}\n");
        }

        var versions = repo.Read(Versions);
        names.ShouldAllBe(n => versions.Contains($"\n{n.Replace('-', '_')}_version=0.1.0\n", StringComparison.Ordinal));
        result.Output.ShouldContain("done: ");
        result.Output.ShouldContain("more)");
    }

    [Fact]
    public void Bulk_result_is_byte_identical_to_the_same_apps_created_one_by_one()
    {
        const string Values = "- name: one\n  database: true\n  secret: [API_KEY]\n- name: two\n  route: internal\n  access: [postgres]\n- name: three\n  bucket: true\n  port: 9090\n";
        var bulk = MemoryRepo.FromSample();
        var single = MemoryRepo.FromSample();
        bulk.Write("many.yaml", Values);

        bulk.Run("new", "app", "--values", "many.yaml").ExitCode.ShouldBe(0);
        single.Run("new", "app", "one", "--database", "--secret", "API_KEY").ExitCode.ShouldBe(0);
        single.Run("new", "app", "two", "--route", "internal", "--access", "postgres").ExitCode.ShouldBe(0);
        single.Run("new", "app", "three", "--bucket", "--port", "9090").ExitCode.ShouldBe(0);

        ShouldHoldTheSameFiles(bulk, single);
    }

    [Fact]
    public void A_large_bulk_expanded_in_parallel_is_byte_identical_to_one_by_one()
    {
        // 36 entries take the parallel expansion path; the merge must keep entry order in every shared file.
        string[][] options = [[], ["--database"], ["--route", "internal", "--secret", "API_KEY"], ["--bucket"], ["--port", "9090"], ["--database", "--route", "external"]];
        var entries = Enumerable.Range(0, 36).Select(i => (Name: string.Create(CultureInfo.InvariantCulture, $"par-{i:D2}"), Options: options[i % options.Length])).ToList();
        static string Yaml(string[] options)
        {
            var yaml = new StringBuilder();
            for (var i = 0; i < options.Length; i++)
            {
                var key = options[i][2..];
                var value = i + 1 < options.Length && !options[i + 1].StartsWith("--", StringComparison.Ordinal) ? options[++i] : "true";
                yaml.Append(CultureInfo.InvariantCulture, $"  {key}: {(key == "secret" ? $"[{value}]" : value)}\n");
            }

            return yaml.ToString();
        }

        var bulk = MemoryRepo.FromSample();
        var single = MemoryRepo.FromSample();
        bulk.Write("many.yaml", string.Concat(entries.Select(e => $"- name: {e.Name}\n{Yaml(e.Options)}")));

        bulk.Run("new", "app", "--values", "many.yaml").ExitCode.ShouldBe(0);
        foreach (var (name, entryOptions) in entries)
        {
            single.Run(["new", "app", name, .. entryOptions]).ExitCode.ShouldBe(0, name);
        }

        ShouldHoldTheSameFiles(bulk, single);
    }

    [Fact]
    public void A_large_bulk_reports_its_first_invalid_entry_whatever_the_threads()
    {
        var repo = MemoryRepo.FromSample();
        var lines = Enumerable.Range(1, 40).Select(i => i is 12 or 33
            ? string.Create(CultureInfo.InvariantCulture, $"- name: bad-{i}\n  port: 99999\n")
            : string.Create(CultureInfo.InvariantCulture, $"- name: ok-{i}\n"));
        repo.Write("many.yaml", string.Concat(lines));
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: many.yaml: entry 12 (line 12, name 'bad-12'): ");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Invalid_entry_names_its_index_exits_2_and_writes_nothing()
    {
        var repo = MemoryRepo.FromSample();
        repo.Write("many.yaml", "- name: good\n- name: also-good\n  port: 99999\n- name: third\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: many.yaml: entry 2 (line 2, name 'also-good'): ");
        result.Error.ShouldContain("port");
        repo.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData("- name: ok\n- port: 80\n", "entry 2 (line 2): 'name' is missing")]
    [InlineData("- name: ok\n- name: ok\n", "entry 2 (line 2): name 'ok' repeats entry 1")]
    [InlineData("- name: ok\n- name: x\n  colour: red\n", "entry 2 (line 2): template 'app' has no option 'colour'")]
    [InlineData("- just-a-string\n", "entry 1 (line 1): expected a map")]
    [InlineData("name: not-a-list\n", "expected a YAML list of entries")]
    [InlineData("- name: ok\n- name: Bad_Name\n", "entry 2 (line 2, name 'Bad_Name'): invalid name")]
    public void Malformed_values_files_are_rejected_with_the_entry(string values, string message)
    {
        var repo = MemoryRepo.FromSample();
        repo.Write("many.yaml", values);
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(2, result.Output);
        result.Error.ShouldContain(message);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Name_and_values_together_are_a_usage_error()
    {
        var repo = MemoryRepo.FromSample();
        repo.Write("many.yaml", "- name: one\n");

        var result = repo.Run("new", "app", "demo", "--values", "many.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--values");
        repo.FileSystem.DirectoryExists(repo.PathOf($"{Apps}/one")).ShouldBeFalse();
        repo.FileSystem.DirectoryExists(repo.PathOf($"{Apps}/demo")).ShouldBeFalse();
    }

    [Fact]
    public void Missing_name_without_values_is_a_usage_error()
    {
        var repo = MemoryRepo.FromSample();

        var result = repo.Run("new", "app");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("needs a name");
    }

    [Fact]
    public void Conflict_in_one_entry_writes_nothing_and_exits_3()
    {
        var repo = MemoryRepo.FromSample();
        repo.Run("new", "app", "two").ExitCode.ShouldBe(0);
        repo.Write($"{Apps}/two/helmrelease.yaml", repo.Read($"{Apps}/two/helmrelease.yaml") + "# mine\n");
        repo.Write("many.yaml", "- name: one\n- name: two\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(3);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Dry_run_writes_nothing_and_json_lists_the_names()
    {
        var repo = MemoryRepo.FromSample();
        repo.Write("many.yaml", "- name: one\n- name: two\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "--values", "many.yaml", "--dry-run", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Snapshot().ShouldBe(before);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("names").EnumerateArray().Select(e => e.GetString()).ShouldBe(["one", "two"]);
        json.RootElement.GetProperty("changes").EnumerateArray()
            .Count(c => c.GetProperty("path").GetString()!.EndsWith("/helmrelease.yaml", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void Thousand_entries_give_thousand_inputs_and_a_clean_check()
    {
        var repo = MemoryRepo.FromSample();
        var values = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            values.Append(CultureInfo.InvariantCulture, $"- name: app-{i:D4}\n");
        }

        repo.Write("many.yaml", values.ToString());

        var result = repo.Run("new", "app", "--values", "many.yaml");

        result.ExitCode.ShouldBe(0, result.Error);
        var inputs = Inputs(repo.Read(ResourceSet));
        inputs.Count.ShouldBe(1001);
        inputs.Distinct().Count().ShouldBe(1001);
        inputs[1000].ShouldBe("app-0999");
        repo.FileSystem.EnumerateDirectories(repo.PathOf(Apps)).Count().ShouldBeGreaterThanOrEqualTo(1001);
        repo.FileSystem.DeleteFile(repo.PathOf("many.yaml"));
        var check = repo.Run("check", "--min-severity", "error");
        check.ExitCode.ShouldBe(0, check.Output);
    }

    private static List<string?> Inputs(string resourceSet)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(resourceSet));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)((YamlMappingNode)root["spec"])["inputs"]).Children
            .Select(i => ((YamlScalarNode)((YamlMappingNode)i)["name"]).Value)
            .ToList();
    }

    /// <summary>The bulk repository (values file aside) holds exactly the files, byte for byte, of the one-by-one one.</summary>
    private static void ShouldHoldTheSameFiles(MemoryRepo bulk, MemoryRepo single)
    {
        var expected = single.Snapshot();
        var actual = bulk.Snapshot();
        actual.Remove("many.yaml");
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var (path, content) in expected)
        {
            actual[path].ShouldBe(content, path);
        }
    }
}
