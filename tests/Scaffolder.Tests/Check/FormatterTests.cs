using System.Text.Json;
using Scaffolder.Core.Check;
using Scaffolder.Core.Check.Output;

namespace Scaffolder.Tests.Check;

public sealed class FormatterTests
{
    private static readonly CheckReport Report = CheckRepo.Check(Path.Combine(CheckRepo.Fixture("violations"), "SCF007"));

    [Fact]
    public void Text_groups_by_file_and_ends_with_the_summary_line()
    {
        var report = Report with { ElapsedMilliseconds = 12 };

        var text = TextFormatter.Format(report);

        text.ShouldStartWith("kubernetes/clusters/live/config/tools/pod.yaml\n  8:3  error    SCF007  The manifest sets hostNetwork: true.\n      fix: ");
        text.ShouldEndWith("\n1 error, 0 warnings, 0 notes in 1 file, 12 ms\n");
    }

    [Fact]
    public void Text_summary_counts_suppressed_findings()
    {
        var report = Report with { Findings = [.. Report.Findings.Select(f => f with { Suppressed = true })], ElapsedMilliseconds = 3 };

        TextFormatter.Format(report).ShouldEndWith("0 errors, 0 warnings, 0 notes in 1 file, 3 ms (1 suppressed)\n");
    }

    [Fact]
    public void Json_follows_the_documented_schema()
    {
        using var json = JsonDocument.Parse(JsonFormatter.Format(Report));
        var root = json.RootElement;

        root.GetProperty("version").GetInt32().ShouldBe(1);
        var summary = root.GetProperty("summary");
        summary.GetProperty("errors").GetInt32().ShouldBe(1);
        summary.GetProperty("suppressed").GetInt32().ShouldBe(0);
        summary.GetProperty("filesScanned").GetInt32().ShouldBe(1);
        summary.GetProperty("manifestsScanned").GetInt32().ShouldBe(1);
        summary.TryGetProperty("elapsedMs", out _).ShouldBeTrue();
        var finding = root.GetProperty("findings")[0];
        finding.GetProperty("ruleId").GetString().ShouldBe("SCF007");
        finding.GetProperty("severity").GetString().ShouldBe("error");
        finding.GetProperty("file").GetString().ShouldBe("kubernetes/clusters/live/config/tools/pod.yaml");
        finding.GetProperty("line").GetInt32().ShouldBe(8);
        finding.GetProperty("column").GetInt32().ShouldBe(3);
        finding.GetProperty("fix").GetString().ShouldNotBeNullOrEmpty();
        finding.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        root.GetProperty("rules").GetArrayLength().ShouldBe(Report.Rules.Count);
    }

    [Fact]
    public void Sarif_has_the_fields_github_code_scanning_requires()
    {
        var report = Report with { Findings = [.. Report.Findings, Report.Findings[0] with { Line = 9, Suppressed = true }] };

        using var json = JsonDocument.Parse(SarifFormatter.Format(report, new Uri("https://example.org/scaffold"), "1.2.3"));
        var root = json.RootElement;

        root.GetProperty("$schema").GetString().ShouldBe(SarifFormatter.SchemaUri);
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("scaffold");
        driver.GetProperty("informationUri").GetString().ShouldBe("https://example.org/scaffold");
        var rules = driver.GetProperty("rules");
        rules.GetArrayLength().ShouldBe(report.Rules.Count);
        var rule = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SCF007");
        rule.GetProperty("name").GetString().ShouldBe("PrivilegedRule");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
        rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
        rule.GetProperty("help").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("error");
        var result = run.GetProperty("results")[0];
        result.GetProperty("ruleId").GetString().ShouldBe("SCF007");
        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("SCF007");
        result.GetProperty("level").GetString().ShouldBe("error");
        result.GetProperty("message").GetProperty("text").GetString()!.ShouldStartWith("The manifest sets hostNetwork: true.");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("kubernetes/clusters/live/config/tools/pod.yaml");
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(8);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(3);
        result.TryGetProperty("suppressions", out _).ShouldBeFalse();
        run.GetProperty("results")[1].GetProperty("suppressions")[0].GetProperty("kind").GetString().ShouldBe("inSource");
    }
}
