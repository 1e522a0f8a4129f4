namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF001: a workload or HelmRelease has no scrape object or no PrometheusRule in its app.</summary>
public sealed class MonitoringRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF001";

    /// <inheritdoc />
    public string Title => "Workload without monitoring";

    /// <inheritdoc />
    public string Principle => "Anti-pattern: \"Just run a container\" without monitoring; monitoring is day-1, not day-2";

    /// <inheritdoc />
    public string Rationale => "A workload without a ServiceMonitor/PodMonitor and a PrometheusRule fails invisibly: nothing scrapes it and nothing alerts.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Enable serviceMonitor in the values and add prometheus-rules.yaml to the app folder; `scaffold new app <name>` generates both.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var workload in facts.Workloads)
        {
            var missing = new List<string>(2);
            if (!workload.HasMonitor && !facts.MonitoredUnits.Contains(workload.Unit))
            {
                missing.Add("ServiceMonitor/PodMonitor (or serviceMonitor values)");
            }

            if (!facts.AlertedUnits.Contains(workload.Unit))
            {
                missing.Add("PrometheusRule");
            }

            if (missing.Count > 0)
            {
                var where = workload.Location;
                sink.Report(this, where.File, where.Line, where.Column,
                    $"{workload.Kind} '{workload.Name}' has no {string.Join(" and no ", missing)} in {workload.Unit}.");
            }
        }
    }
}
