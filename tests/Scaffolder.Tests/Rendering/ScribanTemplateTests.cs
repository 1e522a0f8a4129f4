using Scaffolder.Core;
using Scaffolder.Core.Rendering;

namespace Scaffolder.Tests.Rendering;

/// <summary>
/// The Scriban engine as a repository meets it: a repo-local override, strict variables, the Prometheus escape rule
/// and the sandbox's limits. Every failure must exit 2 with one line naming the template file and line, and write nothing.
/// </summary>
public sealed class ScribanTemplateTests
{
    private const string AppDir = "kubernetes/clusters/live/apps/demo";
    private const string Override = ".scaffold/templates/app/namespace.yaml.sbn";
    private const string Answers = ".scaffold/answers/app/demo.yaml";

    /// <summary>The keys (text before ':', list dashes dropped) of the lines that differ between two answers files.</summary>
    private static List<string> Differing(string actual, string expected)
    {
        var a = actual.Split('\n');
        var b = expected.Split('\n');
        a.Length.ShouldBe(b.Length);
        return [.. Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => a[i].Trim().TrimStart('-').Trim().Split(':')[0]).Distinct()];
    }

    [Fact]
    public void A_repository_override_of_one_file_changes_that_file_only()
    {
        using var plain = TestRepo.FromSample();
        plain.Run("new", "app", "demo").ExitCode.ShouldBe(0);

        using var repo = TestRepo.FromSample();
        var builtIn = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "templates/app/namespace.yaml.sbn"));
        repo.Write(Override, builtIn.Replace("    pod-security.kubernetes.io/audit: restricted\n", "    pod-security.kubernetes.io/audit: restricted\n    team: {{ name | slug }}-owners\n", StringComparison.Ordinal));

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(0, result.Error);
        var expected = plain.Snapshot();
        var actual = repo.Snapshot();
        actual.Remove(Override);
        actual.Keys.ShouldBe(expected.Keys);
        var changed = actual.Keys.Where(k => actual[k] != expected[k]).ToList();
        // The answers file records the template folder's hash and each file's blob id, so it differs exactly there.
        changed.ShouldBe([Answers, $"{AppDir}/namespace.yaml"]);
        Differing(actual[Answers], expected[Answers]).ShouldBe(["hash", "blob"]);
        actual[changed[1]].ShouldBe(expected[changed[1]].Replace("    pod-security.kubernetes.io/audit: restricted\n", "    pod-security.kubernetes.io/audit: restricted\n    team: demo-owners\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repository_partial_replaces_the_built_in_one()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold/templates/_partials/pvc.sbn", "---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{pvcName}}\n  namespace: {{namespace}}\n  labels:\n    overridden: \"true\"\nspec:\n  accessModes: [{{accessMode}}]\n  storageClassName: {{storageClass}}\n  resources:\n    requests:\n      storage: {{size}}\n");

        var result = repo.Run("new", "app", "demo", "--volume", "data:1Gi");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read($"{AppDir}/demo-volumes-pvc.yaml").ShouldContain("    overridden: \"true\"\n");
    }

    [Fact]
    public void An_undefined_variable_exits_2_naming_the_file_line_and_column()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(Override, "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ nmae }}\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: .scaffold/templates/app/namespace.yaml.sbn:5:12: The variable or function `nmae` was not found");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void An_undefined_member_exits_2_naming_the_file_and_line()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(Override, "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{name}}\n  labels:\n    a: {{ config.labels.nope }}\n");

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: .scaffold/templates/app/namespace.yaml.sbn:7:");
        result.Error.ShouldContain("nope");
        result.Error.Trim().ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("{{ $value }}")]
    [InlineData("{{ $labels.instance }}")]
    public void An_unescaped_prometheus_template_is_refused_when_the_template_loads(string prometheus)
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold/templates/app/prometheus-rules.yaml.sbn", $"---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: {{{{name}}}}\n  annotations:\n    description: has {prometheus} replicas\n");
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: .scaffold/templates/app/prometheus-rules.yaml.sbn:7:");
        result.Error.ShouldContain($"{{%{{{prometheus}}}%}}");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void An_escaped_prometheus_template_is_written_as_is()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>());

        renderer.Render("v: {%{{{ $value }}}%} of {{name}}", new Dictionary<string, object?> { ["name"] = "x" }, "t.sbn").ShouldBe("v: {{ $value }} of x");
    }

    [Theory]
    [InlineData("nested loops", "{{ for i in 1..1000 }}{{ for j in 1..1000 }}x{{ end }}{{ end }}", "iteration limit")]
    [InlineData("one long loop", "{{ for i in 1..1000000 }}{{ end }}", "LoopLimit")]
    [InlineData("a while loop", "{{ i = 0 }}{{ while true }}{{ i = i + 1 }}{{ end }}", "iteration limit")]
    [InlineData("doubling text", "{{ s = 'xxxxxxxxxxxxxxxx' }}{{ for i in 1..40 }}{{ s = s + s }}{{ end }}{{ s }}", "characters")]
    [InlineData("huge output", "{{ for i in 1..9000 }}{{ for j in 1..10 }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{ end }}{{ end }}", "")]
    [InlineData("recursive function", "{{ func f; ret f; end }}{{ f }}", "")]
    public void A_template_bomb_exits_2_naming_the_file_and_line(string what, string body, string message)
    {
        using var repo = TestRepo.FromSample();
        repo.Write(Override, "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{name}}\n" + body + "\n");
        var before = repo.Snapshot();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(2, what);
        result.Error.ShouldStartWith("error: .scaffold/templates/app/namespace.yaml.sbn:6:", Case.Sensitive, what);
        result.Error.ShouldContain(message, Case.Sensitive, what);
        result.Error.Trim().ShouldNotContain("\n");
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), what);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_partial_that_includes_itself_exits_2()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold/templates/_partials/pvc.sbn", "x{{ partial 'pvc' }}");

        var result = repo.Run("new", "app", "demo", "--volume", "data:1Gi");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: _partials/pvc.sbn:1:");
    }

    [Fact]
    public void The_total_iteration_budget_spans_nested_loops()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>(), TemplateLimits.Default with { TotalIterations = 99 });
        var context = new Dictionary<string, object?>();

        renderer.Render("{{ for i in 1..9 }}{{ for j in 1..9 }}{{ end }}{{ end }}ok", context, "t.sbn").ShouldBe("ok");
        Should.Throw<UserInputException>(() => renderer.Render("{{ for i in 1..10 }}{{ for j in 1..10 }}{{ end }}{{ end }}", context, "t.sbn"))
            .Message.ShouldBe("t.sbn:1:4: the template runs more than 99 loop iterations in total (nested loops multiply)");
    }

    [Fact]
    public void Templates_reach_no_dotnet_member_and_no_scriban_library()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>());
        var context = new Dictionary<string, object?> { ["name"] = "demo", ["list"] = new List<string> { "a" } };

        foreach (var text in new[] { "{{ name.Length }}", "{{ list.Count }}", "{{ name.GetType }}", "{{ string.upcase name }}", "{{ include 'x' }}", "{{ import name }}" })
        {
            Should.Throw<UserInputException>(() => renderer.Render(text, context, "t.sbn"), text).Message.ShouldStartWith("t.sbn:1:", Case.Sensitive, text);
        }
    }

    [Theory]
    [InlineData("mode == 'shared'", true)]
    [InlineData("mode == 'dedicated'", false)]
    [InlineData("size", false)]
    [InlineData("!list", true)]
    [InlineData("zero || flag", true)]
    [InlineData("map.key == 'v' && !missing", true)]
    public void When_expressions_use_template_truthiness(string expression, bool expected)
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>());
        var context = new Dictionary<string, object?>
        {
            ["mode"] = "shared", ["size"] = string.Empty, ["list"] = new List<string>(), ["zero"] = 0, ["flag"] = true, ["missing"] = null,
            ["map"] = new Dictionary<string, object?> { ["key"] = "v" },
        };

        renderer.IsTrue(expression, context, "template.yaml").ShouldBe(expected);
    }

    [Fact]
    public void A_when_naming_an_unknown_variable_is_an_error()
    {
        var renderer = new TemplateRenderer(new Dictionary<string, string>());

        Should.Throw<UserInputException>(() => renderer.IsTrue("nope && x", new Dictionary<string, object?>(), "t/template.yaml[files.when]"))
            .Message.ShouldBe("t/template.yaml[files.when]:1:1: The variable or function `nope` was not found");
    }
}
