using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaffolder.Core.Check.Output;

/// <summary>Formats a report as SARIF 2.1.0 for GitHub code scanning.</summary>
public static class SarifFormatter
{
    /// <summary>The SARIF 2.1.0 schema URI.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Formats <paramref name="report"/>. <paramref name="informationUri"/> is the tool's home page and
    /// <paramref name="toolVersion"/> its version. Suppressed findings carry an <c>inSource</c> suppression.
    /// Repository-level findings without a file are located at the repo root.
    /// </summary>
    public static string Format(CheckReport report, Uri informationUri, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(informationUri);
        var rules = report.Rules.Select(r => new SarifRule(
            r.Id,
            r.GetType().Name,
            new SarifText(r.Title),
            new SarifText(r.Rationale),
            new SarifText($"{r.Principle}. Fix: {r.Fix}"),
            new SarifConfiguration(Level(r.Severity)))).ToList();
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var results = report.Findings.Select(f => new SarifResult(
            f.RuleId,
            ruleIndex.GetValueOrDefault(f.RuleId, -1),
            Level(f.Severity),
            new SarifText($"{f.Message} Fix: {f.Fix}"),
            [new SarifLocation(new SarifPhysicalLocation(new SarifArtifact(f.File.Length == 0 ? "." : f.File), new SarifRegion(Math.Max(1, f.Line), Math.Max(1, f.Column))))],
            f.Suppressed ? [new SarifSuppression("inSource")] : null)).ToList();
        var log = new SarifLog(SchemaUri, "2.1.0",
            [new SarifRun(new SarifTool(new SarifDriver("scaffold", informationUri.ToString(), toolVersion, rules)), results)]);
        return JsonSerializer.Serialize(log, Options) + "\n";
    }

    private static string Level(Severity severity) => severity.ToName();

    private sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);

    private sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results);

    private sealed record SarifTool(SarifDriver Driver);

    private sealed record SarifDriver(string Name, string InformationUri, string Version, IReadOnlyList<SarifRule> Rules);

    private sealed record SarifRule(
        string Id,
        string Name,
        SarifText ShortDescription,
        SarifText FullDescription,
        SarifText Help,
        SarifConfiguration DefaultConfiguration);

    private sealed record SarifConfiguration(string Level);

    private sealed record SarifText(string Text);

    private sealed record SarifResult(
        string RuleId,
        int RuleIndex,
        string Level,
        SarifText Message,
        IReadOnlyList<SarifLocation> Locations,
        IReadOnlyList<SarifSuppression>? Suppressions);

    private sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

    private sealed record SarifPhysicalLocation(SarifArtifact ArtifactLocation, SarifRegion Region);

    private sealed record SarifArtifact(string Uri);

    private sealed record SarifRegion(int StartLine, int StartColumn);

    private sealed record SarifSuppression(string Kind);
}
