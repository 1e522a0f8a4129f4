namespace Scaffolder.Tests.Check;

/// <summary>SCF001 accepts an app whose availability alert is on kube-state-metrics instead of a ServiceMonitor (issue 18).</summary>
public sealed class MonitoringRuleTests
{
    private const string Dir = "kubernetes/clusters/live/apps/demo/";
    private const string Release = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: demo\n  namespace: flux-system\nspec:\n  chart:\n    spec:\n      chart: app-template\n  values:\n    controllers:\n      demo:\n        type: deployment\n";

    private static string Rules(string alert, string expr) =>
        $"---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: demo-alerts\n  namespace: demo\nspec:\n  groups:\n    - name: demo.rules\n      rules:\n        - {alert}: DemoDown\n          expr: {expr}\n";

    [Theory]
    [InlineData("alert", "absent(kube_deployment_status_replicas_available{namespace=\"demo\", deployment=\"demo\"} > 0)", false)]
    [InlineData("alert", "kube_statefulset_status_replicas_ready{namespace=\"demo\"} < 1", false)]
    [InlineData("alert", "absent(up{namespace=\"demo\", service=\"demo\"} == 1)", true)]
    [InlineData("alert", "absent(kube_deployment_status_replicas_available_total{namespace=\"demo\"})", true)]
    [InlineData("record", "kube_deployment_status_replicas_available{namespace=\"demo\"}", true)]
    public void A_kube_state_metrics_availability_alert_stands_in_for_a_ServiceMonitor(string ruleKind, string expr, bool reported)
    {
        using var repo = new CheckRepo();
        repo.Write(Dir + "helmrelease.yaml", Release);
        repo.Write(Dir + "prometheus-rules.yaml", Rules(ruleKind, expr));

        var findings = repo.Check().Findings.Where(f => f.RuleId == "SCF001").ToList();

        if (reported)
        {
            findings.ShouldHaveSingleItem().Message.ShouldContain("has no ServiceMonitor/PodMonitor (or serviceMonitor values) or kube-state-metrics availability alert");
        }
        else
        {
            findings.ShouldBeEmpty();
        }
    }
}
