using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Hundreds of invalid or hostile invocations, generated: bad names, hosts, sizes, choices, numbers, unknown options,
/// broken config files and broken template overrides, across every template. Each must exit 2 with exactly one line
/// on stderr naming the bad input, no stack trace, no plan claiming writes on stdout, and an unchanged repository.
/// </summary>
public sealed partial class HostileInputTests(ITestOutputHelper log)
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["app"] = [],
        ["secret"] = ["--app", "miniflux", "--key", "API_TOKEN"],
        ["storage"] = ["--app", "miniflux", "--block", "--size", "1Gi"],
        ["route"] = ["--app", "miniflux"],
        ["database"] = ["--app", "miniflux"],
        ["module"] = [],
        ["unit"] = ["--module", "app-secrets"],
        ["pin"] = ["--version", "1.0.0", "--datasource", "helm", "--dep-name", "x"],
    };

    /// <summary>One hostile invocation: the arguments, files written into the repository first, and what the message must name.</summary>
    public sealed record Hostile(string What, string[] Args, IReadOnlyDictionary<string, byte[]> Files, string[] Mentions);

    public static IEnumerable<Hostile> Cases()
    {
        var none = new Dictionary<string, byte[]>();
        string[] badNames =
        [
            "Wiki", "WIKI", "my_app", "my.app", "..", ".", "a/b", "a/../b", "../x", "/tmp/x", new string('a', 64), new string('b', 300),
            "", " ", "wiki ", " wiki", "ünïcode", "名前", "wiki\0", "wiki\t", "wiki\nx", "wiki\r", "a\u202Eb", "wiki-", "a--b-", "{{name}}",
            "${name}", "wiki;rm", "a\u0007b", "-wiki", "--wiki",
        ];
        foreach (var (template, required) in Required)
        {
            foreach (var name in badNames)
            {
                yield return new($"{template} name '{Show(name)}'", ["new", template, name, .. required], none, ["name", Show(name), "argument"]);
            }
        }

        // Hosts.
        string[] badHosts =
        [
            "https://wiki", "http://wiki", "wiki/admin", "wiki:443", "Wiki", "WIKI.example", "wiki..x", ".wiki", "wiki.", "wiki_x", "wiki x",
            "*.wiki", "wiki?x=1", "wiki#frag", "user@wiki", "", "ünï", "wiki\n", "{{name}}", "${host}", "-", "wiki\0",
        ];
        foreach (var host in badHosts)
        {
            yield return Option("app", ["--route", "internal"], "--host", host);
            yield return Option("route", Required["route"], "--host", host);
        }

        // Sizes.
        string[] badSizes = ["10GB", "-1Gi", "1.5.3Gi", "ten", "10 Gi", "", "Gi", "10gi", "1e3", "0x10", "10Gi;", "10Gi\n", "∞", "10Gib", ".5Gi", "10Gi,20Gi"];
        foreach (var size in badSizes)
        {
            yield return Option("storage", ["--app", "miniflux", "--block"], "--size", size);
            yield return Option("storage", ["--app", "miniflux", "--object"], "--max-size", size);
            yield return Option("database", ["--app", "miniflux", "--mode", "dedicated"], "--size", size);
            yield return Option("app", [], "--volume", $"data:{size}");
            yield return Option("storage", ["--app", "miniflux"], "--volume", $"data:{size}");
        }

        // Choices (given or from config).
        (string Template, string[] Given, string Option)[] choices =
        [
            ("app", [], "--pod-security"), ("app", [], "--database"), ("app", [], "--route"), ("app", [], "--profile"), ("app", [], "--access"),
            ("route", Required["route"], "--gateway"), ("route", Required["route"], "--homepage-group"), ("route", Required["route"], "--tls"),
            ("storage", ["--app", "miniflux", "--block", "--size", "1Gi"], "--class"), ("storage", ["--app", "miniflux", "--block", "--size", "1Gi"], "--access-mode"),
            ("secret", ["--app", "miniflux", "--generated", "--key", "password"], "--encoding"), ("database", Required["database"], "--mode"),
            ("pin", ["--version", "1.0.0", "--dep-name", "x"], "--datasource"), ("module", ["--pin", "x=1.0.0", "--dep-name", "x"], "--datasource"),
        ];
        string[] badChoices = ["bogus", "", "RESTRICTED", "restricted,baseline", "../x", " internal", "Apps ", "yes"];
        foreach (var (template, rest, option) in choices)
        {
            foreach (var value in badChoices)
            {
                yield return Option(template, rest, option, value);
            }
        }

        // Whole numbers.
        string[] badInts = ["0", "65536", "-1", "abc", "8080.5", "1e3", "", "99999999999", "0x50", " 80", "８０", "80 ", "+", "1_000"];
        foreach (var value in badInts)
        {
            yield return Option("app", [], "--port", value);
            yield return Option("route", Required["route"], "--port", value);
        }

        foreach (var value in new[] { "7", "257", "-8", "many", "" })
        {
            yield return Option("secret", ["--app", "miniflux", "--generated", "--key", "password"], "--length", value);
        }

        // Booleans with a value.
        foreach (var value in new[] { "maybe", "yes", "1", "TRUE" })
        {
            yield return new($"app --bucket={value}", ["new", "app", "wiki", $"--bucket={value}"], none, ["--bucket", value]);
            yield return new($"secret --generated={value}", ["new", "secret", "s", "--app", "miniflux", "--key", "password", $"--generated={value}"], none, ["--generated", value]);
        }

        // Other patterned strings.
        (string Template, string[] Given, string Option, string[] Values)[] strings =
        [
            ("app", [], "--image", ["GHCR.io/x", "ghcr.io/x:tag", "ghcr.io/x@sha256:abc", "x", "https://ghcr.io/x", "ghcr.io/x y", "", "ghcr.io/x\n"]),
            ("app", [], "--version", ["latest", "1.2.3 ", "v", "1..2", "${v}", "", "1.2.3\nx: y", "1.2.3 # c"]),
            ("app", [], "--health-path", ["healthz", "/a b", "/a?b", "/a#b", "", "/a\n", "//x:y"]),
            ("app", [], "--depends-on", ["Flux", "a_b", ",,", "a,,b", "-a"]),
            ("app", [], "--secret", ["lower", "A=B", "A:b c", "A:", "A B"]),
            ("secret", ["--app", "miniflux"], "--key", ["A=B", "A B", "a:b:c", "a:", ":b", "a\n"]),
            ("secret", ["--app", "miniflux"], "--replicate-from", ["x", "A/b", "ns/", "/x", "ns/x/y", "ns/Bad"]),
            ("secret", ["--key", "A"], "--app", ["Miniflux", "../x", "", "a b"]),
            ("database", ["--app", "miniflux", "--mode", "dedicated"], "--retention", ["0d", "14", "14y", "d", "-1d"]),
            ("module", [], "--provider", ["aws", "aws@latest", "AWS@1", "aws@1.2.3.4", "@1", "aws@>1", "a/b/c@1"]),
            ("module", ["--provider", "aws@6.0.0"], "--resource", ["aws", "AwsBucket", "aws-s3", "_x", "aws_S3"]),
            ("module", [], "--stack", ["Live", "../x", "live/x", "", "nope"]),
            ("module", [], "--pin", ["x", "x=latest", "X=1.0.0", "x=1.0.0=2", "=1.0.0"]),
            ("pin", ["--version", "1.0.0", "--datasource", "helm"], "--dep-name", ["a b", "", "@x", "x\ny"]),
            ("pin", ["--version", "1.0.0", "--datasource", "helm", "--dep-name", "x"], "--registry-url", ["charts.example.com", "http:// x", "", "HTTP://x"]),
            ("pin", ["--version", "1.0.0", "--datasource", "helm", "--dep-name", "x"], "--extract-version", ["a b", "", "\t"]),
            ("pin", ["--datasource", "helm", "--dep-name", "x"], "--version", ["latest", "1.x", "", "01 2"]),
            ("unit", [], "--module", ["Bad", "a/b", "..", "", "nope"]),
        ];
        foreach (var (template, rest, option, values) in strings)
        {
            foreach (var value in values)
            {
                yield return Option(template, rest, option, value);
            }
        }

        // Unknown options, missing required options, missing values, bad clusters.
        foreach (var (template, required) in Required)
        {
            foreach (var option in new[] { "--nope", "--x=1", "--APP", "--Force", "-z" })
            {
                yield return new($"{template} {option}", ["new", template, "x", .. required, option], none, [option.Split('=')[0]]);
            }
        }

        yield return new("secret without --app", ["new", "secret", "s", "--key", "A"], none, ["--app"]);
        yield return new("storage without --app", ["new", "storage", "s", "--block", "--size", "1Gi"], none, ["--app"]);
        yield return new("route without --app", ["new", "route", "r"], none, ["--app"]);
        yield return new("pin without --version", ["new", "pin", "p", "--datasource", "helm", "--dep-name", "x"], none, ["--version"]);
        yield return new("app --port without value", ["new", "app", "--port", "wiki"], none, ["--port", "name"]);
        yield return new("app --cluster prod", ["new", "app", "wiki", "--cluster", "prod"], none, ["prod", "--cluster"]);
        yield return new("module --cluster", ["new", "module", "m", "--cluster", "live"], none, ["--cluster"]);
        yield return new("unknown template", ["new", "nope", "x"], none, ["nope"]);
        yield return new("no name", ["new", "app"], none, ["name"]);
        yield return new("two names", ["new", "app", "a", "b"], none, ["b"]);

        // Config files.
        foreach (var (what, text) in BadConfigs())
        {
            yield return new($"config {what}", ["new", "app", "wiki"], new Dictionary<string, byte[]> { [".scaffold.yaml"] = text }, [".scaffold.yaml"]);
        }

        // Broken template overrides (repository templates named like a built-in one, or new ones).
        foreach (var (what, id, yaml) in BrokenTemplates())
        {
            var files = new Dictionary<string, byte[]>
            {
                [$".scaffold/templates/{id}/template.yaml"] = Encoding.UTF8.GetBytes(yaml),
                [$".scaffold/templates/{id}/x.yaml.hbs"] = "a: {{name}}\n"u8.ToArray(),
            };
            string[] args = id == "app" ? ["new", "app", "wiki"] : ["new", id, "x"];
            yield return new($"template {what}", args, files, [id, "template", "path", "condition"]);
        }
    }

    private static IEnumerable<(string What, byte[] Text)> BadConfigs()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        string[] texts =
        [
            "clusters: 5", "clusters:\n  default: live", "clusters:\n  default: [prod]\n  known: [live]", "clusters:\n  known: {a: b}", "paths: [a, b]",
            "paths:\n  apps: [a]", "paths:\n  apps: {a: b}", "paths:\n  apps: \"\"", "paths:\n  apps: \"a\\nb\"", "podSecurity:\n  default: [x]",
            "secrets:\n  generatorLength: abc", "secrets:\n  generatorLength: -1", "secrets:\n  generatorLength: [1]", "gateways: internal",
            "gateways:\n  - name: internal", "gateways:\n  - internal", "gateways:\n  - name: a\n    namespace: b\n    domainVariable: c\n    extra: d",
            "networkPolicy:\n  profiles: [standard]", "monitoring:\n  ruleLabels:\n    release: [a]", "monitoring:\n  ruleLabels: [a]",
            "nope: 1", "paths:\n  nope: x", "clusters:\n  extra: [a]", "Paths: {}", "paths:\n  Apps: x", "? [a]\n: b", "1: 2", "~: x",
            "paths:\n  apps: a\n  apps: b", "clusters:\n  known: [live]\nclusters:\n  known: [dev]", "storage:\n  classes: [a]\n  classes: [b]",
            "paths: [", "a: b: c", "\t- x", "key: 'unterminated", "{", "- a\nb: c", "x: *nope", "paths:\n  apps: &a x\n  units: *b", "%YAML 9.9\n---\na: b",
            "---\na: 1\n---\nb: 2", "- just\n- a list", "just a scalar", "\"quoted scalar\"", "[1, 2]", "paths:\n    apps: a\n   units: b",
            "clusters:\n  default: []", "clusters:\n  known: []", "paths:\n  apps: []", "storage:\n  defaultClass: []", "database:\n  retention: {}",
            "chart: {}\nchart: {}", "paths: null\n", "paths: ~", "clusters:\n  default: [live, [dev]]", "\u0001\u0002\u0003", "a: \"\\x\"",
            "\uFEFF\uFEFFa: b",
        ];
        foreach (var text in texts)
        {
            yield return (Show(text), U(text + "\n"));
        }

        var random = new Random(7);
        for (var i = 0; i < 6; i++)
        {
            var bytes = new byte[64 << i];
            random.NextBytes(bytes);
            bytes[0] = 0xFF;
            yield return ($"{bytes.Length} random bytes", bytes);
        }

        yield return ("invalid UTF-8 in a value", [.. U("paths:\n  apps: "), 0xC3, 0x28, (byte)'\n']);
        yield return ("UTF-16 text", Encoding.Unicode.GetBytes("paths:\n  apps: x\n"));
        yield return ("NUL bytes", U("paths:\0\n  apps: x\n"));
        yield return ("BOM then garbage", [0xEF, 0xBB, 0xBF, .. U("{[}\n")]);
        yield return ("5 MB scalar", U(new string('x', 5 << 20)));
        yield return ("5 MB of unknown keys", U(string.Concat(Enumerable.Range(0, 300_000).Select(i => $"key{i}: v\n"))));
        yield return ("5 MB value", U($"paths:\n  apps: {new string('a', 5 << 20)}\n"));
        yield return ("5 MB list of clusters", U($"clusters:\n  default: [{string.Join(", ", Enumerable.Range(0, 600_000).Select(i => $"c{i}"))}]\n"));
    }

    private static IEnumerable<(string What, string Id, string Yaml)> BrokenTemplates()
    {
        yield return ("invalid YAML", "app", "id: app\nfiles: [");
        yield return ("id mismatch", "app", "id: other\ndescription: d\n");
        yield return ("unknown key", "app", "id: app\ndescription: d\nfilez: []\n");
        yield return ("unknown parameter type", "evil", "id: evil\ndescription: d\nscope: repo\nparameters:\n  - name: p\n    type: float\n    default: \"1\"\n");
        yield return ("files as a scalar", "evil", "id: evil\ndescription: d\nscope: repo\nfiles: x.yaml\n");
        yield return ("file without path", "evil", "id: evil\ndescription: d\nscope: repo\nfiles:\n  - template: x.yaml.hbs\n");
        yield return ("file template missing", "evil", "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: out/x.yaml\n    template: missing.hbs\n");
        yield return ("bad template syntax in path", "evil", "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: \"out/{{ if }}x.yaml\"\n    template: x.yaml.sbn\n");
        yield return ("unknown inserter", "evil", "id: evil\ndescription: d\nscope: repo\nedits:\n  - inserter: nope\n    file: kubernetes/platform/versions.env\n    value: x\n");
        yield return ("unknown data provider", "evil", "id: evil\ndescription: d\nscope: repo\ndata:\n  x:\n    provider: nope\n");
        yield return ("include of itself", "evil", "id: evil\ndescription: d\nscope: repo\nincludes:\n  - template: evil\n");
        yield return ("include of unknown template", "evil", "id: evil\ndescription: d\nscope: repo\nincludes:\n  - template: nope\n");
        yield return ("invalid pattern", "evil", "id: evil\ndescription: d\nscope: repo\nparameters:\n  - name: p\n    type: string\n    pattern: \"([\"\n    default: x\n");
        yield return ("forEach over a string", "evil", "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: out/x.yaml\n    template: x.yaml.hbs\n    forEach: name\n");
        yield return ("renders invalid YAML", "evil", "id: evil\ndescription: d\nscope: repo\nfiles:\n  - path: out/x.yaml\n    template: bad.hbs\n");
        yield return ("empty template.yaml", "evil", "");
        yield return ("template.yaml is a list", "evil", "- id: evil\n");
        yield return ("duplicate keys", "evil", "id: evil\nid: evil\ndescription: d\n");
        yield return ("bad condition", "evil", "id: evil\ndescription: d\nscope: repo\nerrors:\n  - when: \"a == \"\n    text: x\n");
        yield return ("parameter without name", "evil", "id: evil\ndescription: d\nscope: repo\nparameters:\n  - type: string\n");
        yield return ("parameter declared twice", "evil", "id: evil\ndescription: d\nscope: repo\nparameters:\n  - name: p\n    type: string\n  - name: p\n    type: string\n");
        yield return ("int range as text", "evil", "id: evil\ndescription: d\nscope: repo\nparameters:\n  - name: n\n    type: int\n    min: low\n");
        yield return ("unknown scope", "evil", "id: evil\ndescription: d\nscope: galaxy\n");
    }

    [Fact]
    public void Every_hostile_input_exits_2_cleanly_and_changes_nothing()
    {
        var cases = Cases().ToList();
        using var repo = TestRepo.FromSample();
        var baseline = repo.Snapshot();
        var failures = new List<string>();
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var hostile in cases)
        {
            var category = hostile.What.Split(' ')[0];
            byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
            foreach (var (path, bytes) in hostile.Files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(repo.PathOf(path))!);
                File.WriteAllBytes(repo.PathOf(path), bytes);
            }

            var expected = repo.Snapshot();
            var result = repo.Run(hostile.Args);
            var problem = Problem(hostile, result);
            if (problem is null && !SameTree(expected, repo.Snapshot()))
            {
                problem = "the repository changed";
            }

            if (problem is not null)
            {
                failures.Add($"{hostile.What}: {problem}\n    exit {result.ExitCode}; stderr: {Show(result.Error.Length > 300 ? result.Error[..300] : result.Error)}");
            }

            foreach (var path in hostile.Files.Keys)
            {
                File.Delete(repo.PathOf(path));
            }

            if (Directory.Exists(repo.PathOf(".scaffold")))
            {
                Directory.Delete(repo.PathOf(".scaffold"), recursive: true);
            }

            if (hostile.Files.ContainsKey(".scaffold.yaml"))
            {
                File.Copy(Path.Combine(TestRepo.SampleRoot, ".scaffold.yaml"), repo.PathOf(".scaffold.yaml"));
            }

            if (!SameTree(baseline, repo.Snapshot()))
            {
                failures.Add($"{hostile.What}: the repository was not restored; stopping");
                break;
            }
        }

        log.WriteLine($"hostile inputs: {cases.Count} cases, {cases.Count - failures.Count} rejected cleanly");
        log.WriteLine(string.Join(", ", byCategory.Select(p => $"{p.Key} {p.Value}")));
        foreach (var failure in failures)
        {
            log.WriteLine(failure);
        }

        cases.Count.ShouldBeGreaterThanOrEqualTo(500);
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public void A_bom_only_config_is_an_empty_config_meaning_the_defaults()
    {
        using var repo = TestRepo.FromSample();
        File.WriteAllBytes(repo.PathOf(".scaffold.yaml"), [0xEF, 0xBB, 0xBF]);
        var result = repo.Run("new", "app", "wiki", "--dry-run");
        result.ExitCode.ShouldBe(0, result.Error);
    }

    private static string? Problem(Hostile hostile, CliResult result)
    {
        if (result.ExitCode != 2)
        {
            return $"exit code {result.ExitCode}, expected 2";
        }

        if (result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("Exception", StringComparison.Ordinal))
        {
            return "stack trace or exception name on stderr";
        }

        var lines = result.Error.TrimEnd('\n', '\r').Split('\n');
        if (lines.Length != 1 || lines[0].Trim().Length == 0)
        {
            return $"{lines.Length} lines on stderr, expected exactly one";
        }

        if (!hostile.Mentions.Where(m => m.Length > 0).Any(m => lines[0].Contains(m, StringComparison.Ordinal)))
        {
            return $"the message names none of: {string.Join(", ", hostile.Mentions.Where(m => m.Length > 0))}";
        }

        if (PlanLine().IsMatch(result.Output))
        {
            return "stdout shows a plan claiming writes";
        }

        return null;
    }

    private static bool SameTree(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static Hostile Option(string template, string[] rest, string option, string value)
    {
        var name = template switch { "database" => "miniflux", "storage" => "data", _ => "wiki" };
        return new($"{template} {option} '{Show(value)}'", ["new", template, name, .. rest, option, value], new Dictionary<string, byte[]>(), [option, Show(value)]);
    }

    private static string Show(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    [GeneratedRegex(@"^(create|update|done:)", RegexOptions.Multiline)]
    private static partial Regex PlanLine();
}
