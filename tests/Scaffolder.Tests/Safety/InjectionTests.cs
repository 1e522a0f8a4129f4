using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Values cannot change the structure of generated YAML: every hostile value given to a free-text parameter or
/// name is either refused (exit 2) or the generated files parse and hold the value as a string, exactly, in a form
/// that YAML 1.1 readers (Kubernetes, Flux) do not turn into a boolean, null or number.
/// </summary>
public sealed partial class InjectionTests(ITestOutputHelper log)
{
    private static readonly string[] Values =
    [
        "a:b", "a: b", "a #b", "#a", "a'b", "a\"b", "a\nb: c", "{{name}}", "{{{x}}}", "${x}", "-a", "- a", "[a]", "{a: b}", "&a", "*a", "!x", "|", ">",
        "yes", "Yes", "YES", "on", "ON", "no", "NO", "off", "y", "Y", "n", "N", "true", "TRUE", "false", "null", "NULL", "~", "1.10", "010", "0x1F",
        "1e3", "123", ".5", ".inf", "0o17", "1_000", "12:30", "2024-01-01",
    ];

    /// <summary>An injection target: the command (VALUE stands for the hostile value) and the strings the output must hold.</summary>
    public sealed record Target(string What, string[] Args, Func<string, string[]> Expected);

    public static IEnumerable<Target> Targets()
    {
        yield return new("app name", ["new", "app", "VALUE"], v => [v]);
        yield return new("secret name", ["new", "secret", "VALUE", "--app", "miniflux", "--key", "A"], v => [v]);
        yield return new("storage name", ["new", "storage", "VALUE", "--app", "miniflux", "--block", "--size", "1Gi"], v => [$"miniflux-{v}"]);
        yield return new("database name", ["new", "database", "VALUE", "--app", "miniflux"], v => [$"{v}-database"]);
        yield return new("route name (default host)", ["new", "route", "VALUE", "--app", "miniflux"], v => [$"{v}.${{internal_domain}}"]);
        yield return new("secret --key", ["new", "secret", "s", "--app", "miniflux", "--key", "VALUE"], v => v.Split(':'));
        yield return new("secret --key property", ["new", "secret", "s", "--app", "miniflux", "--key", "K:VALUE"], v => ["K", .. v.Split(':')]);
        yield return new("secret --generated --key", ["new", "secret", "s", "--app", "miniflux", "--generated", "--key", "VALUE"], v => [v.Split(':')[0]]);
        yield return new("app --secret", ["new", "app", "wiki", "--secret", "VALUE"], v => v.Split(':'));
        yield return new("app --secret upper", ["new", "app", "wiki", "--secret", "UPPER"], v => v.ToUpperInvariant().Split(':'));
        yield return new("app --secret property", ["new", "app", "wiki", "--secret", "K:VALUE"], v => ["K", .. v.Split(':')]);
        yield return new("app --host", ["new", "app", "wiki", "--route", "internal", "--host", "VALUE"], v => [$"{v}.${{internal_domain}}"]);
        yield return new("route --host", ["new", "route", "r", "--app", "miniflux", "--host", "VALUE"], v => [$"{v}.${{internal_domain}}"]);
        yield return new("app --health-path", ["new", "app", "wiki", "--health-path", "/VALUE"], v => [$"/{v}"]);
        yield return new("app --depends-on", ["new", "app", "wiki", "--depends-on", "VALUE"], v => [v]);
        yield return new("app --volume", ["new", "app", "wiki", "--volume", "VALUE:1Gi"], v => [$"wiki-{v}"]);
        yield return new("storage --size", ["new", "storage", "data", "--app", "miniflux", "--block", "--size", "VALUE"], v => [v]);
        yield return new("secret --replicate-from", ["new", "secret", "s", "--app", "miniflux", "--replicate-from", "ns/VALUE"], v => [$"ns/{v}"]);
    }

    /// <summary>Every target with every value: one case each, so each shows and fails on its own.</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var target in Targets())
        {
            foreach (var value in Values)
            {
                cases.Add(target.What, value);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_free_text_value_is_refused_or_reads_back_exactly(string targetName, string value)
    {
        var target = Targets().Single(t => t.What == targetName);
        var failures = new List<string>();
        var repo = MemoryRepo.FromSample();
        var before = repo.Snapshot();
        var args = target.Args.Select(a => a.Replace("UPPER", value.ToUpperInvariant(), StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal)).ToArray();
        var result = repo.Run(args);
        var what = $"{target.What} '{Show(value)}'";
        Directory.Exists(repo.Root).ShouldBeFalse("the in-memory repository must not reach the disk");
        if (result.ExitCode == 2)
        {
            log.WriteLine($"{what}: rejected by the parameter: {result.Error.TrimEnd()}");
            if (result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.TrimEnd().Contains('\n', StringComparison.Ordinal))
            {
                failures.Add($"{what}: rejected without a one-line message: {result.Error}");
            }

            if (!repo.Snapshot().SequenceEqual(before))
            {
                failures.Add($"{what}: rejected but the repository changed");
            }

            failures.ShouldBeEmpty(string.Join("\n", failures));
            return;
        }

        result.ExitCode.ShouldBe(0, $"{what}: exit {result.ExitCode}: {result.Error}");

        log.WriteLine($"{what}: accepted, reading it back");
        var after = repo.Snapshot();
        var scalars = new List<YamlScalarNode>();
        foreach (var (path, content) in after.Where(p => !before.TryGetValue(p.Key, out var old) || old != p.Value))
        {
            if (!path.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(content))));
                scalars.AddRange(stream.Documents.SelectMany(d => d.AllNodes.OfType<YamlScalarNode>()));
            }
            catch (YamlException ex)
            {
                failures.Add($"{what}: {path} does not parse: {ex.Message}");
            }
        }

        foreach (var expected in target.Expected(value))
        {
            var matches = scalars.Where(s => s.Value == expected).ToList();
            if (matches.Count == 0)
            {
                failures.Add($"{what}: no scalar reads back '{Show(expected)}'");
            }
            else if (matches.Any(s => s.Style == ScalarStyle.Plain && Yaml11NonString().IsMatch(expected)))
            {
                failures.Add($"{what}: '{Show(expected)}' is written unquoted and YAML 1.1 reads it as a boolean, null or number");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static string Show(string value) => new(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    /// <summary>Plain scalars that YAML 1.1 (go-yaml v2, sigs.k8s.io/yaml) or 1.2 core resolve to something other than a string.</summary>
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.(inf|Inf|INF)|\.(nan|NaN|NAN))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex Yaml11NonString();
}
