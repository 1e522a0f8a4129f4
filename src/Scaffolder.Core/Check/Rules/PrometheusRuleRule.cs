using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF022: a PrometheusRule without the required labels, or an alert without severity, summary or description.</summary>
public sealed class PrometheusRuleRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF022";

    /// <inheritdoc />
    public string Title => "PrometheusRule without labels or alert annotations";

    /// <inheritdoc />
    public string Principle => "Monitoring: ServiceMonitor + PrometheusRule required; alerts must be actionable (STACK §8 #10)";

    /// <inheritdoc />
    public string Rationale => "Alertmanager routes on severity, and an alert without summary and description wakes someone up without saying why.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => $"Label the rule {string.Join(", ", conventions.PrometheusRuleLabels.Select(l => l.Key + ": " + l.Value))} and give every alert labels.severity ∈ {{{string.Join(", ", conventions.AlertSeverities)}}} plus annotations.summary and description; `scaffold new app <name>` generates prometheus-rules.yaml.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind != "PrometheusRule" || document.Map is not { } map)
        {
            return;
        }

        var labels = document.Labels;
        foreach (var (label, value) in conventions.PrometheusRuleLabels)
        {
            if (labels?.Get(label)?.Text != value)
            {
                // Convention only: kube-prometheus-stack selects every rule whatever its labels, so a warning.
                sink.Report(this, Manifests.LabelsKey(map), $"PrometheusRule '{document.Name}' lacks label {label}: {value} (a convention: the operator selects every rule).", Severity.Warning);
            }
        }

        if (map.At("spec", "groups") is not LocatedSequence groups)
        {
            return;
        }

        foreach (var rule in groups.Items.Select(g => g.At("rules")).OfType<LocatedSequence>().SelectMany(r => r.Items).OfType<LocatedMapping>())
        {
            if (rule.Get("alert") is not LocatedScalar alert)
            {
                continue;
            }

            var problems = new List<string>();
            var severity = rule.At("labels", "severity")?.Text;
            if (severity is null || !conventions.AlertSeverities.Contains(severity))
            {
                problems.Add($"severity '{severity ?? "unset"}' (allowed: {string.Join(", ", conventions.AlertSeverities)})");
            }

            foreach (var annotation in new[] { "summary", "description" })
            {
                if (rule.At("annotations", annotation) is null)
                {
                    problems.Add($"no {annotation}");
                }
            }

            if (problems.Count > 0)
            {
                sink.Report(this, alert, $"Alert '{alert.Value}' has {string.Join(", ", problems)}.");
            }
        }
    }
}
