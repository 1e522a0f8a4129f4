using System.Text;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Issue 14 item 2, as a property: a configured string that lands in generated YAML is data, never structure. For
/// each configured key, a run with a marker value fixes where the value goes; then random strings (newlines, ': ',
/// ' #', quotes, yes, 010, unicode...) in that key either exit 2 with one line and change nothing, or produce
/// exactly the marker run's documents with the marker replaced by the string: every document parses, every scalar
/// holds exactly the configured text (and is a string for a YAML 1.1 reader), and no document gains or loses a key.
/// </summary>
public sealed class ConfigValueQuotingTests
{
    private const string Marker = "zq7marker";
    private static readonly string[] Command = ["new", "app", "demo", "--database", "--bucket", "--route", "internal", "--secret", "KEY"];

    /// <summary>Each tried alone, and random concatenations of them.</summary>
    private static readonly string[] Pieces =
    [
        "a", "x1", "\n", ": ", " #", "#", "'", "\"", "yes", "010", "null", "~", "é", "日本", "→", "\U0001F600", "-", "- ", " ", "\t", "{{ x }}",
        "${x}", "[", "]", ",", "{", "}", "&a", "*a", "!x", "|", ">", "%", "@", "`", "\\", "/", ".", "?", "\r\n", "\u2028",
    ];

    /// <summary>The pieces tried alone for every key (the random concatenations draw from all of them).</summary>
    private static readonly string[] Alone = ["\n", "a: b", "a #b", "'", "\"", "yes", "010", "日本→\U0001F600", "- a", "{x}"];

    /// <summary>The configured keys <see cref="Command"/> writes into YAML: a dotted path, or a rule label's key or value.</summary>
    public static TheoryData<string> Keys() =>
    [
        "flux.namespace", "chart.name", "chart.repositoryUrl", "chart.chartUrl", "chart.valuesSchema", "labels.networkPolicyPrefix",
        "labels.dataplaneMode", "database.namespace", "database.pooler", "garage.namespace", "garage.cluster", "monitoring.dashboardNamespace",
        "secrets.storeName", "secrets.storeKind", "secrets.refreshInterval", "secrets.ssmPrefix", "ruleLabels key", "ruleLabels value",
    ];

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_configured_string_is_refused_or_read_back_exactly_and_adds_no_key(string key)
    {
        var expected = Run(key, Marker);
        expected.ExitCode.ShouldBe(0, $"{key} = {Marker}: {expected.Error}");
        expected.WrittenText.ShouldContain(Marker, Case.Sensitive, $"{key} reaches no generated YAML file");

        var random = new Random(key.GetHashCode(StringComparison.Ordinal) & 0x7fff_ffff);
        var values = Alone.Concat(Enumerable.Range(0, 6).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])))).ToList();
        var failures = new List<string>();
        var accepted = 0;
        foreach (var value in values)
        {
            var actual = Run(key, value);
            var shown = DisplayText.Printable(value);
            if (actual.ExitCode != 0)
            {
                if (actual.ExitCode != 2 || actual.Error.Trim().Contains('\n', StringComparison.Ordinal) || !actual.Unchanged)
                {
                    failures.Add($"'{shown}': exit {actual.ExitCode}, unchanged {actual.Unchanged}: {actual.Error}");
                }

                continue;
            }

            accepted++;
            actual.Documents.Keys.ShouldBe(expected.Documents.Keys, $"'{shown}'");
            foreach (var (file, tree) in expected.Documents)
            {
                var want = tree.Replace(Marker, Canonical.Escape(value), StringComparison.Ordinal);
                if (actual.Documents[file] != want)
                {
                    failures.Add($"'{shown}' in {file}:\n{actual.Documents[file]}\nexpected\n{want}");
                }
            }
        }

        failures.ShouldBeEmpty();
        accepted.ShouldBeGreaterThan(0, $"every value of {key} was refused: the test would prove nothing about quoting");
    }

    [Theory]
    [InlineData("labels.networkPolicyPrefix", "Bad_Prefix")]
    [InlineData("ruleLabels key", "team x")]
    [InlineData("flux.namespace", "flux: system")]
    public void A_value_that_cannot_be_a_name_or_label_is_refused_with_its_file_and_line(string key, string value)
    {
        var result = Run(key, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldMatch(@"^error: templates/[a-z_]+/[a-z.-]+\.sbn:\d+:\d+: '.*' \(from the config or a parameter\) is not a Kubernetes (name|label key)");
        result.Unchanged.ShouldBeTrue();
    }

    /// <summary>Runs <see cref="Command"/> on an in-memory copy of the sample (18 keys times 17 values: the disk was most of the time).</summary>
    private static Outcome Run(string key, string value)
    {
        var repo = MemoryRepo.FromSample();
        repo.Write(".scaffold.yaml", repo.Read(".scaffold.yaml") + Override(key, value));
        var before = repo.Snapshot();
        var result = repo.Run(Command);
        var after = repo.Snapshot();
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var written = new StringBuilder();
        if (result.ExitCode == 0)
        {
            foreach (var (file, content) in after)
            {
                // The answers file holds parameters and the blob ids of the generated files, never a config value; its
                // own hostile-input tests are in Lifecycle/.
                if (file.EndsWith(".yaml", StringComparison.Ordinal) && file != ".scaffold.yaml" && !file.StartsWith(".scaffold/answers/", StringComparison.Ordinal)
                    && (!before.TryGetValue(file, out var old) || old != content))
                {
                    // Comments (the chart URL) are not in the tree: a value there must add nothing to it either.
                    written.Append(repo.Read(file));
                    documents[file] = Canonical.Of(repo.Read(file));
                }
            }
        }

        var unchanged = before.Count == after.Count && before.All(p => after.TryGetValue(p.Key, out var v) && v == p.Value);
        return new Outcome(result.ExitCode, result.Error, documents, written.ToString(), unchanged);
    }

    /// <summary>The override appended to the sample's .scaffold.yaml, the value double-quoted so YAML reads it exactly.</summary>
    private static string Override(string key, string value)
    {
        var quoted = TemplateRenderer.Quote(value);
        return key switch
        {
            "ruleLabels key" => $"monitoring:\n  ruleLabels:\n    {quoted}: critical\n",
            "ruleLabels value" => $"monitoring:\n  ruleLabels:\n    team: {quoted}\n",
            _ => $"{key.Split('.')[0]}:\n  {key.Split('.')[1]}: {quoted}\n",
        };
    }

    private sealed record Outcome(int ExitCode, string Error, SortedDictionary<string, string> Documents, string WrittenText, bool Unchanged);

    /// <summary>
    /// A document tree as text: mappings and sequences with their order, every scalar escaped on one line and
    /// marked <c>s:</c> when a YAML 1.1 reader takes it as a string, <c>t:</c> when it takes it as a boolean, null, number or date.
    /// </summary>
    private static class Canonical
    {
        public static string Of(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException ex)
            {
                return $"unparsable: {ex.Message}";
            }

            var builder = new StringBuilder();
            foreach (var document in stream.Documents)
            {
                builder.Append("---\n");
                Write(document.RootNode, builder, 0);
            }

            return builder.ToString();
        }

        public static string Escape(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
                .Replace("\t", "\\t", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal);

        private static void Write(YamlNode node, StringBuilder builder, int depth)
        {
            var indent = new string(' ', depth * 2);
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        builder.Append(indent).Append("key ").Append(Scalar(key)).Append('\n');
                        Write(value, builder, depth + 1);
                    }

                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        builder.Append(indent).Append("item\n");
                        Write(item, builder, depth + 1);
                    }

                    break;
                default:
                    builder.Append(indent).Append(Scalar(node)).Append('\n');
                    break;
            }
        }

        private static string Scalar(YamlNode node) => node is YamlScalarNode scalar
            ? (scalar.Style == ScalarStyle.Plain && Yaml11Scalars.IsNonString(scalar.Value ?? string.Empty) ? "t:" : "s:") + Escape(scalar.Value ?? string.Empty)
            : "complex:" + node.NodeType;
    }
}
