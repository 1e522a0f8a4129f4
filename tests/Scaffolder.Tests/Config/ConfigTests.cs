namespace Scaffolder.Tests.Config;

public sealed class ConfigTests
{
    [Theory]
    [InlineData("pathz:\n  apps: x\n", ".scaffold.yaml:1:1: unknown key 'pathz'")]
    [InlineData("paths:\n  appz: x\n", ".scaffold.yaml:2:3: unknown key 'paths.appz'")]
    [InlineData("clusters:\n  default: live\n", ".scaffold.yaml:2:12: 'clusters.default' must be a list")]
    [InlineData("gateways:\n  - name: internal\n    namespace: x\n", ".scaffold.yaml:2:5: 'gateways[0]' is missing key 'domainVariable'")]
    [InlineData("secrets:\n  storeName: [a]\n", ".scaffold.yaml:2:14: 'secrets.storeName' must be a single value")]
    [InlineData("secrets:\n  storeName: a\n  storeName: b\n", ".scaffold.yaml:3:3: invalid YAML")]
    [InlineData("secrets: {storeName: \"a\n", ".scaffold.yaml:")]
    [InlineData("- a\n- b\n", ".scaffold.yaml:1:1: the configuration must be a mapping of keys")]
    public void Bad_config_exits_2_naming_file_line_and_key(string config, string expected)
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold.yaml", config);
        var before = repo.Snapshot();

        var result = repo.Run("new", "app", "demo");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith($"error: {expected}");
        result.Error.TrimEnd().Split('\n').Length.ShouldBe(1);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Empty_config_file_means_defaults()
    {
        using var repo = TestRepo.Empty();
        repo.Write(".scaffold.yaml", string.Empty);

        repo.Run("new", "app", "demo").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_differently_named_repo_is_generated_from_its_config()
    {
        using var repo = TestRepo.Empty();
        repo.Write(".scaffold.yaml", """
            clusters:
              default: [prod]
              known: [prod]
            paths:
              apps: k8s/{cluster}/workloads
              appsResourceSet: k8s/{cluster}/workloads/registry.yaml
              clusterVersions: k8s/{cluster}/versions.env
            labels:
              networkPolicyPrefix: np.example.com
            monitoring:
              ruleLabels:
                prometheus: main
            """);

        var result = repo.Run("new", "app", "demo", "--access", "postgres");

        result.ExitCode.ShouldBe(0, result.Error);
        var ns = repo.Read("k8s/prod/workloads/demo/namespace.yaml");
        ns.ShouldContain("np.example.com/profile: internal");
        ns.ShouldContain("access.np.example.com/postgres: \"true\"");
        repo.Read("k8s/prod/workloads/demo/prometheus-rules.yaml").ShouldContain("    prometheus: main\n");
        repo.Read("k8s/prod/workloads/registry.yaml").ShouldContain("path: k8s/prod/workloads/demo");
    }
}
