using System.Text.RegularExpressions;
using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

public sealed partial class FixtureTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in BuiltInRules.Create(CheckConventions.Default))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Clean_repo_reports_nothing()
    {
        var report = CheckRepo.Check(CheckRepo.Fixture("clean"));

        report.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line} {f.Message}").ShouldBeEmpty();
        report.ManifestsScanned.ShouldBeGreaterThan(15);
        report.FilesScanned.ShouldBe(26);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_reports_its_violation_exactly_once_at_the_marked_line(string ruleId)
    {
        var root = Path.Combine(CheckRepo.Fixture("violations"), ruleId);
        Directory.Exists(root).ShouldBeTrue($"no violation fixture for {ruleId}");
        var expected = Markers(root);

        var report = CheckRepo.Check(root, options: CheckRepo.FixtureOptions(ruleId));

        expected.ShouldContain($"{ruleId} ", Case.Sensitive);
        report.Findings.Count(f => f.RuleId == ruleId).ShouldBe(1);
        var actual = string.Join('\n', report.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line}").Order(StringComparer.Ordinal));
        actual.ShouldBe(expected, string.Join("\n", report.Findings.Select(f => f.Message)));
        report.Findings.ShouldAllBe(f => f.Column >= 1 && !f.Suppressed && f.Fix.Length > 0);
    }

    [Fact]
    public void Every_rule_has_complete_metadata()
    {
        var rules = BuiltInRules.Create(CheckConventions.Default);

        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => IdPattern().IsMatch(r.Id) && r.Title.Length > 0 && r.Principle.Length > 0 && r.Rationale.Length > 0 && r.Fix.Length > 0);
        rules.Count.ShouldBeGreaterThanOrEqualTo(30);
    }

    private static string Markers(string root)
    {
        var markers = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Marker().Matches(lines[i]))
                {
                    markers.Add($"{match.Groups[1].Value} {relative}:{i + 1}");
                }
            }
        }

        markers.Sort(StringComparer.Ordinal);
        return string.Join('\n', markers);
    }

    [GeneratedRegex(@"expect: (SCF\d{3})")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^SCF\d{3}$")]
    private static partial Regex IdPattern();
}
