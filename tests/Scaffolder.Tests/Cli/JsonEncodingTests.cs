using System.Text.Json;
using Scaffolder.Core.Check;
using Scaffolder.Core.Check.Output;
using Scaffolder.Core.Evaluation;
using Scaffolder.Tests.Check;

namespace Scaffolder.Tests.Cli;

/// <summary>Every JSON output is plain UTF-8: apostrophes, angle brackets and non-ASCII text are written as themselves, not as \u escapes.</summary>
public sealed class JsonEncodingTests
{
    private const string Plain = "it's <b> & café…";

    [Fact]
    public void Plan_json_writes_apostrophes_as_themselves()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("new", "app", "demo", "--dry-run", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldNotContain("\\u");
        result.Output.ShouldContain("\"from template 'app'\"");
        JsonDocument.Parse(result.Output).Dispose();
    }

    [Fact]
    public void Check_json_and_sarif_write_messages_as_plain_text()
    {
        var report = WithMessage(Plain);

        var json = JsonFormatter.Format(report);
        var sarif = SarifFormatter.Format(report, new Uri("https://example.org/scaffold"), "1.2.3");

        foreach (var text in new[] { json, sarif })
        {
            text.ShouldContain(Plain);
            text.ShouldNotContain("\\u");
            JsonDocument.Parse(text).Dispose();
        }
    }

    [Fact]
    public void Evaluation_json_writes_plain_text()
    {
        var json = EvaluationFormatter.Format(new TechnologyEvaluator(StackCatalog.LoadDefault()).Evaluate("redis", Plain), EvaluationOutputFormat.Json);

        json.ShouldContain(Plain);
        json.ShouldNotContain("\\u");
    }

    private static CheckReport WithMessage(string message)
    {
        var report = CheckRepo.Check(Path.Combine(CheckRepo.Fixture("violations"), "SCF007"));
        report.Findings.ShouldNotBeEmpty();
        return report with { Findings = [.. report.Findings.Select(f => f with { Message = message })] };
    }
}
