using System.Text.Json;
using System.Text.RegularExpressions;
using Scaffolder.Core.IO;
using Scaffolder.Core.Templates;
using Scaffolder.Tests.Snapshots;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// No code path writes a secret value, and <c>scaffold check</c> finds the ones a user writes by hand.
/// <para>
/// The corpus under <c>secret-corpus/</c> holds real-looking but fake credentials (<c>positive/</c>) and look-alikes
/// that are not credentials (<c>negative/</c>), one case per file. The first line of each file states what the
/// checker must report in it: <c># expect: SCF004@5 SCF002@7</c> (rule at line) or <c># expect: none</c>. All files are
/// copied into one copy of the sample repo and checked once with <c>--format json</c>; the secret rules' findings in
/// each file must be exactly the expected ones.
/// </para>
/// </summary>
public sealed partial class SecretCorpusTests
{
    private static readonly string[] SecretRules = ["SCF002", "SCF003", "SCF004"];

    public static string CorpusRoot => Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Safety", "secret-corpus");

    public static TheoryData<string> CorpusFiles => new(
        Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyList<(string Rule, string File, int Line, string Message)>> Findings = new(CheckCorpus);

    private static List<(string Rule, string File, int Line, string Message)> CheckCorpus()
    {
        using var repo = TestRepo.FromSample();
        foreach (var file in Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories))
        {
            repo.Write(Path.Combine("corpus", Path.GetRelativePath(CorpusRoot, file)), File.ReadAllText(file));
        }

        var result = repo.Run("check", "--format", "json");
        result.ExitCode.ShouldBe(1, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (
                Rule: f.GetProperty("ruleId").GetString()!,
                File: f.GetProperty("file").GetString()!,
                Line: f.GetProperty("line").GetInt32(),
                Message: f.GetProperty("message").GetString()!))];
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_reported_by_the_right_rule_at_the_right_line(string file)
    {
        var header = File.ReadLines(Path.Combine(CorpusRoot, file)).First();
        var match = ExpectHeader().Match(header);
        match.Success.ShouldBeTrue($"{file}: the first line must be '# expect: none' or '# expect: SCF00N@LINE ...'");
        var expected = match.Groups[1].Value == "none"
            ? []
            : match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        file.StartsWith("negative/", StringComparison.Ordinal).ShouldBe(expected.Length == 0, $"{file}: negatives expect none, positives expect findings");

        var actual = Findings.Value
            .Where(f => f.File == "corpus/" + file && SecretRules.Contains(f.Rule))
            .Select(f => $"{f.Rule}@{f.Line}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        actual.ShouldBe(expected, $"{file}: secret findings {string.Join(", ", Findings.Value.Where(f => f.File == "corpus/" + file).Select(f => $"{f.Rule}@{f.Line} {f.Message}"))}");
    }

    [Fact]
    public void Corpus_covers_every_credential_type()
    {
        var positives = Directory.EnumerateFiles(Path.Combine(CorpusRoot, "positive")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "pem-rsa.yaml", "pem-ec.yaml", "pem-openssh.yaml", "pem-pkcs8.yaml", "pem-encrypted-pkcs8.yaml", "pem-rsa-legacy-encrypted.yaml",
            "pem-openssh-heredoc.tf", "aws-akia.tfvars", "aws-asia.yaml", "aws-key-pair.tf", "github-ghp.yaml", "github-gho.hcl",
            "github-pat.tfvars", "slack-xoxb.yaml", "slack-xoxp.tf", "jwt-variable-default.tf", "secret-base64-data.yaml",
            "secret-stringdata-password.yaml", "sops-secret.yaml", "sops-dotenv.env", "stripe-live.yaml", "google-api-key.yaml",
        ];
        required.Where(r => !positives.Contains(r)).ShouldBeEmpty();
        Directory.EnumerateFiles(Path.Combine(CorpusRoot, "negative")).Count().ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Findings_do_not_repeat_the_credential()
    {
        // A finding names the credential type and its first 8 characters (a prefix such as ghp_ or -----BEG), never
        // the value: the report itself lands in CI logs and SARIF uploads.
        foreach (var (_, file, _, message) in Findings.Value.Where(f => f.Rule == "SCF004"))
        {
            var text = File.ReadAllText(Path.Combine(CorpusRoot, file["corpus/".Length..]));
            foreach (var token in CredentialLike().Matches(text).Select(m => m.Value))
            {
                message.ShouldNotContain(token, customMessage: file);
            }
        }
    }

    // ---- No code path writes a secret value -------------------------------------------------------------------------

    private static readonly Regex SecretWords = new(@"value|password|token|secret|private[- ]key|credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex NamesSecrets = new(@"key|password|token|secret|credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Strings a KEY=VALUE or "KEY VALUE" pattern must refuse.</summary>
    private static readonly string[] ValueProbes = ["API_TOKEN=hunter2", "API_TOKEN hunter2", "password=x", "a=b", "A B", "API_TOKEN:hunter2=x", "API_TOKEN:\thunter2"];

    [Fact]
    public void No_template_parameter_takes_a_secret_value()
    {
        var catalog = TemplateCatalog.Create(PhysicalFileSystem.Instance, null);
        var checkedParameters = 0;
        var checkedNames = new List<string>();
        var problems = new List<string>();
        foreach (var id in catalog.Ids)
        {
            foreach (var parameter in catalog.Get(id).Definition.Parameters)
            {
                // bool, int and choice parameters cannot carry a free value, whatever their description says.
                if (parameter.Type is not (ParameterType.String or ParameterType.List) || parameter.Choices.Count > 0 || parameter.ChoicesFrom is not null)
                {
                    continue;
                }

                // Any mention of a value, password, token, secret or private key in the name or description: the
                // parameter must then take a key NAME, which its pattern proves by refusing KEY=VALUE and whitespace.
                var text = parameter.Name + " " + parameter.Description;
                if (!SecretWords.IsMatch(text))
                {
                    continue;
                }

                checkedParameters++;
                checkedNames.Add($"{id} --{parameter.Name}");
                if (parameter.Pattern is null)
                {
                    problems.Add($"{id} --{parameter.Name}: takes free text although it names secrets; give it a key-name pattern");
                    continue;
                }

                foreach (var probe in ValueProbes.Where(p => Regex.IsMatch(p, $"^(?:{parameter.Pattern})$")))
                {
                    problems.Add($"{id} --{parameter.Name}: pattern {parameter.Pattern} accepts '{probe}'");
                }

                // A parameter named for secret keys (--key, --secret) is where a user pastes KEY=VALUE.
                if (!parameter.Redact && NamesSecrets.IsMatch(parameter.Name))
                {
                    problems.Add($"{id} --{parameter.Name}: is named for secret keys but is not 'redact: true', so a refused KEY=VALUE is echoed");
                }
            }
        }

        problems.ShouldBeEmpty();
        checkedParameters.ShouldBeGreaterThanOrEqualTo(2, "secret --key and app --secret at least");
        new[] { "secret --key", "app --secret" }.Except(checkedNames).ShouldBeEmpty();
    }

    public static TheoryData<string> ScenarioIds => SnapshotTests.ScenarioIds;

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Every_rendered_Secret_is_empty_or_holds_only_a_username(string id)
    {
        var allowedStringData = new[] { "username", "admin-user" };
        foreach (var (path, bytes) in SnapshotTests.Render(id).Where(p => p.Key.EndsWith(".yaml", StringComparison.Ordinal) || p.Key.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)));
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") != "Secret")
                {
                    continue;
                }

                var where = $"{id}: {path} Secret {Scalar((YamlMappingNode)root.Children[new YamlScalarNode("metadata")], "name")}";
                if (root.Children.TryGetValue(new YamlScalarNode("data"), out var data))
                {
                    data.ShouldBeOfType<YamlMappingNode>(where).Children.ShouldBeEmpty(where);
                }

                if (root.Children.TryGetValue(new YamlScalarNode("stringData"), out var stringData))
                {
                    var keys = stringData.ShouldBeOfType<YamlMappingNode>(where).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();
                    keys.Where(k => !allowedStringData.Contains(k)).ShouldBeEmpty(where);
                }
            }
        }
    }

    public static TheoryData<string> ValueArguments => new()
    {
        "new secret api --app miniflux --key API_TOKEN=hunter2",
        "new secret api --app miniflux --key API_TOKEN:token,API_TOKEN=hunter2",
        "new secret api --app miniflux --generated --key password=hunter2",
        "new app wiki --secret API_TOKEN=hunter2",
        "new app wiki --secret API_TOKEN:token --secret API_TOKEN=hunter2",
        "new app wiki --database --secret DB_PASSWORD=hunter2",
    };

    [Theory]
    [MemberData(nameof(ValueArguments))]
    public void A_secret_value_on_the_command_line_is_refused_and_never_echoed_or_written(string arguments)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run(arguments.Split(' '));

        result.ExitCode.ShouldBe(2, result.Error);
        result.Error.ShouldContain("AWS SSM");
        result.Error.ShouldNotContain("hunter2");
        result.Output.ShouldNotContain("hunter2");
        var after = repo.Snapshot();
        after.ShouldBe(before);
        after.Where(f => f.Value.Contains("hunter2", StringComparison.Ordinal)).Select(f => f.Key).ShouldBeEmpty();
        Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("hunter2", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"^# expect: (none|(?:SCF00[234]@[0-9]+ ?)+)$")]
    private static partial Regex ExpectHeader();

    /// <summary>The secret part of the corpus credentials: anything after the 8-character prefix a finding may show.</summary>
    [GeneratedRegex(@"(?<=\b(?:ghp_|gho_|ghs_|AKIA|ASIA|xoxb-|xoxp-|AIza|sk_live_|rk_live_|glpat-|github_pat_)[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{12,}")]
    private static partial Regex CredentialLike();
}
