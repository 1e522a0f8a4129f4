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
    public string Rationale => "A workload without a PrometheusRule that sees it fails invisibly: the rule needs a ServiceMonitor/PodMonitor to scrape, or an alert on a kube-state-metrics availability series (kube_deployment_status_replicas_available) for an app without metrics.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Add prometheus-rules.yaml to the app folder with an availability alert on kube_deployment_status_replicas_available, or, when the app serves metrics, enable serviceMonitor in the values; `scaffold new app <name>` generates the first, `--metrics [PORT][:PATH]` the second.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var workload in facts.Workloads)
        {
            var missing = new List<string>(2);
            if (!workload.HasMonitor && !facts.MonitoredUnits.Contains(workload.Unit) && !facts.AvailabilityAlertedUnits.Contains(workload.Unit))
            {
                missing.Add("ServiceMonitor/PodMonitor (or serviceMonitor values) or kube-state-metrics availability alert");
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
