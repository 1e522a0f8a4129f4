using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaffolder.Core.Check.Output;

/// <summary>Formats a report as JSON; the schema is documented in docs/check-json.md.</summary>
public static class JsonFormatter
{
    /// <summary>The schema version written in <c>version</c>.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Formats <paramref name="report"/>.</summary>
    public static string Format(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new JsonReport(
            SchemaVersion,
            new JsonSummary(report.Errors, report.Warnings, report.Notes, report.Suppressed, report.FilesScanned, report.ManifestsScanned, report.ElapsedMilliseconds),
            [.. report.Findings.Select(f => new JsonFinding(f.RuleId, f.Severity.ToName(), f.File, f.Line, f.Column, f.Message, f.Fix, f.Suppressed))],
            [.. report.Rules.Select(r => new JsonRule(r.Id, r.Title, r.Severity.ToName(), r.Principle, r.Rationale, r.Fix))]);
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private sealed record JsonReport(
        int Version,
        JsonSummary Summary,
        IReadOnlyList<JsonFinding> Findings,
        IReadOnlyList<JsonRule> Rules);

    private sealed record JsonSummary(
        int Errors,
        int Warnings,
        int Notes,
        int Suppressed,
        int FilesScanned,
        int ManifestsScanned,
        [property: JsonPropertyName("elapsedMs")] long ElapsedMilliseconds);

    private sealed record JsonFinding(string RuleId, string Severity, string File, int Line, int Column, string Message, string Fix, bool Suppressed);

    private sealed record JsonRule(string Id, string Title, string Severity, string Principle, string Rationale, string Fix);
}
