namespace Scaffolder.Tests.Templates;

/// <summary>
/// Values and alerts of <c>new app</c> (issue 18): a writable /tmp beside the read-only root filesystem; the
/// ServiceMonitor and the scrape-based availability alert only with <c>--metrics [PORT][:PATH]</c>, the kube-state-metrics
/// availability alert otherwise; the alert's severity from <c>monitoring.availabilitySeverity</c>.
/// </summary>
public sealed class AppMetricsTests
{
    private const string App = "kubernetes/clusters/live/apps/demo/";

    [Fact]
    public void Without_metrics_there_is_no_ServiceMonitor_and_the_availability_alert_uses_kube_state_metrics()
    {
        using var repo = TestRepo.FromSample();

        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);

        var values = repo.Read(App + "helmrelease.yaml");
        values.ShouldNotContain("serviceMonitor");
        values.ShouldContain("              readOnlyRootFilesystem: true\n");
        values.ShouldContain("    persistence:\n      # readOnlyRootFilesystem: a writable /tmp, which many images need.\n      tmp:\n        type: emptyDir\n        globalMounts:\n          - path: /tmp\n");
        var rules = repo.Read(App + "prometheus-rules.yaml");
        rules.ShouldContain("        - alert: DemoDown\n          expr: absent(kube_deployment_status_replicas_available{namespace=\"demo\", deployment=\"demo\"} > 0)\n          for: 5m\n          labels:\n            severity: warning\n");
        rules.ShouldNotContain("up{");
        var check = repo.Run("check");
        check.ExitCode.ShouldBe(0, check.Output + check.Error);
    }

    [Theory]
    [InlineData(new[] { "--metrics" }, "http", "/metrics", null)]
    [InlineData(new[] { "--metrics", "8080" }, "http", "/metrics", null)]
    [InlineData(new[] { "--metrics", ":/stats" }, "http", "/stats", null)]
    [InlineData(new[] { "--metrics", "9090" }, "metrics", "/metrics", "9090")]
    [InlineData(new[] { "--metrics", "9090:/prom/metrics" }, "metrics", "/prom/metrics", "9090")]
    public void Metrics_adds_the_ServiceMonitor_on_the_given_port_and_path_and_the_scrape_alert(string[] option, string endpointPort, string path, string? ownPort)
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run(["new", "app", "demo", .. option]);

        result.ExitCode.ShouldBe(0, result.Error);
        var values = repo.Read(App + "helmrelease.yaml");
        values.ShouldContain($"    serviceMonitor:\n      app:\n        enabled: true\n        serviceName: demo\n        endpoints:\n          - port: {endpointPort}\n            scheme: http\n            path: {path}\n");
        if (ownPort is null)
        {
            values.ShouldNotContain("          metrics:\n");
        }
        else
        {
            values.ShouldContain($"          http:\n            port: 8080\n          metrics:\n            port: {ownPort}\n");
        }

        var rules = repo.Read(App + "prometheus-rules.yaml");
        rules.ShouldContain("          expr: absent(up{namespace=\"demo\", service=\"demo\"} == 1)\n          for: 5m\n          labels:\n            severity: warning\n");
        rules.ShouldNotContain("absent(kube_deployment");
        var check = repo.Run("check");
        check.ExitCode.ShouldBe(0, check.Output + check.Error);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("9090:metrics")]
    [InlineData("/metrics")]
    public void A_bad_metrics_value_exits_2_and_writes_nothing(string value)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo", "--metrics", value);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("metrics");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void The_availability_alert_severity_comes_from_config()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold.yaml", repo.Read(".scaffold.yaml") + "monitoring:\n  availabilitySeverity: critical\n");

        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);
        repo.Run("new", "app", "other", "--metrics").ExitCode.ShouldBe(0);

        repo.Read(App + "prometheus-rules.yaml").ShouldContain("        - alert: DemoDown\n          expr: absent(kube_deployment_status_replicas_available{namespace=\"demo\", deployment=\"demo\"} > 0)\n          for: 5m\n          labels:\n            severity: critical\n");
        repo.Read("kubernetes/clusters/live/apps/other/prometheus-rules.yaml").ShouldContain("        - alert: OtherDown\n          expr: absent(up{namespace=\"other\", service=\"other\"} == 1)\n          for: 5m\n          labels:\n            severity: critical\n");
    }
}
