using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>SCF036 (issue 17 item 3) on small repositories in the layout `scaffold init` writes.</summary>
public sealed class SubstitutionRuleTests
{
    private const string ClusterKustomization = """
        ---
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - apps.yaml
        configMapGenerator:
          - name: cluster-vars
            namespace: flux-system
            envs:
              - .cluster-vars.env
          - name: cluster-versions
            namespace: flux-system
            envs:
              - versions.env
        """;

    private const string AppsKustomization = """
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: cluster-apps
          namespace: flux-system
        spec:
          interval: 10m
          path: ./kubernetes/clusters/live/apps
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
          postBuild:
            substituteFrom:
              - kind: ConfigMap
                name: cluster-vars
              - kind: ConfigMap
                name: cluster-versions
        """;

    private static CheckRepo Repo(string appFile, string? clusterVars = "internal_domain=internal.example.net\n", string versions = "# renovate: datasource=docker depName=x\nminiflux_version=2.2.0\n")
    {
        var repo = new CheckRepo()
            .Write("kubernetes/clusters/live/kustomization.yaml", ClusterKustomization)
            .Write("kubernetes/clusters/live/apps.yaml", AppsKustomization)
            .Write("kubernetes/clusters/live/versions.env", versions)
            .Write("kubernetes/clusters/live/apps/settings.yaml", appFile);
        return clusterVars is null ? repo : repo.Write("kubernetes/clusters/live/.cluster-vars.env", clusterVars);
    }

    private static List<string> Run(CheckRepo repo) =>
        repo.Check(options: new CheckOptions { RuleIds = ["SCF036"] }).Findings.Select(f => $"{f.Severity.ToName()} {f.File}:{f.Line}:{f.Column} {f.Message}").ToList();

    private static string ConfigMap(string data) => $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: miniflux\n{data}";

    [Fact]
    public void Defined_defaulted_and_versions_variables_resolve()
    {
        using var repo = Repo(ConfigMap("data:\n  host: miniflux.${internal_domain}\n  tag: ${miniflux_version}\n  replicas: ${replicas:-1}\n"));

        Run(repo).ShouldBeEmpty();
    }

    [Fact]
    public void An_undefined_variable_is_an_error_at_its_line_naming_the_Kustomization_the_sources_and_the_closest_name()
    {
        using var repo = Repo(ConfigMap("data:\n  host: miniflux.${internal_domian}\n  tag: ${miniflux_version}\n"));

        Run(repo).ShouldBe(
        [
            "error kubernetes/clusters/live/apps/settings.yaml:8:18 Variable 'internal_domian' is not defined for Kustomization 'flux-system/cluster-apps' (cluster 'live'): "
            + "searched ConfigMap cluster-vars (kubernetes/clusters/live/.cluster-vars.env), ConfigMap cluster-versions (kubernetes/clusters/live/versions.env); the closest defined name is 'internal_domain'.",
        ]);
    }

    [Fact]
    public void A_document_with_substitution_disabled_and_an_escaped_variable_are_left_alone()
    {
        using var repo = Repo(ConfigMap("data:\n  script: echo $${HOME}\n  tag: ${miniflux_version}\n  host: ${internal_domain}\n")
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: raw\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  x: ${not_a_flux_variable}\n");

        Run(repo).ShouldBeEmpty();
    }

    [Fact]
    public void A_variable_in_a_block_scalar_is_reported_on_its_own_line()
    {
        using var repo = Repo(ConfigMap("data:\n  config.ini: |\n    host=${internal_domain}\n    tag=${miniflux_version}\n    user=${admin_user}\n"));

        Run(repo).ShouldHaveSingleItem().ShouldStartWith("error kubernetes/clusters/live/apps/settings.yaml:11:10 Variable 'admin_user' is not defined");
    }

    [Fact]
    public void A_source_file_the_repository_does_not_hold_makes_variables_unknown_with_one_note_per_cluster()
    {
        using var repo = Repo(ConfigMap("data:\n  host: ${internal_domain}\n  ip: ${cluster_vip}\n  tag: ${miniflux_version}\n"), clusterVars: null);

        Run(repo).ShouldBe(
        [
            "note kubernetes/clusters/live/apps.yaml:3:1 Variables of cluster 'live' that no source defines are unknown, not undefined: "
            + "ConfigMap cluster-vars reads kubernetes/clusters/live/.cluster-vars.env, which the repository does not hold.",
        ]);
    }

    [Fact]
    public void A_versions_entry_no_substituted_file_uses_is_a_note_at_its_definition()
    {
        using var repo = Repo(
            ConfigMap("data:\n  host: ${internal_domain}\n  tag: ${miniflux_version}\n"),
            versions: "# renovate: datasource=docker depName=x\nminiflux_version=2.2.0\n# renovate: datasource=docker depName=y\nold_version=1.0.0\n");

        Run(repo).ShouldBe(["note kubernetes/clusters/live/versions.env:4:1 Variable 'old_version' is defined, but no file of a Kustomization that substitutes it uses it."]);
    }

    [Fact]
    public void A_file_no_substituting_Kustomization_deploys_is_not_checked()
    {
        using var repo = Repo(ConfigMap("data:\n  host: ${internal_domain}\n  tag: ${miniflux_version}\n"))
            .Write("kubernetes/clusters/live/stubs/empty/notes.yaml", ConfigMap("data:\n  x: ${whatever}\n"));

        Run(repo).ShouldBeEmpty();
    }

    [Fact]
    public void A_path_variable_is_substituted_by_the_parent_Kustomization()
    {
        using var repo = Repo(ConfigMap("data:\n  host: ${internal_domain}\n  tag: ${miniflux_version}\n"), clusterVars: "internal_domain=internal.example.net\ncluster_path=kubernetes/clusters/live\n")
            .Write("kubernetes/clusters/live/apps/database.yaml", AppsKustomization.Replace("cluster-apps", "database-config", StringComparison.Ordinal).Replace("./kubernetes/clusters/live/apps", "${cluster_path}/config/database", StringComparison.Ordinal))
            .Write("kubernetes/clusters/live/config/database/roles.yaml", ConfigMap("data:\n  owner: ${databse_owner}\n"));

        Run(repo).ShouldHaveSingleItem().ShouldStartWith("error kubernetes/clusters/live/config/database/roles.yaml:8:10 Variable 'databse_owner' is not defined for Kustomization 'flux-system/database-config'");
    }

    [Fact]
    public void Sources_the_repository_holds_no_trace_of_give_no_note_and_no_finding()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/clusters/live/apps.yaml", AppsKustomization)
            .Write("kubernetes/clusters/live/apps/settings.yaml", ConfigMap("data:\n  host: ${internal_domain}\n"));

        Run(repo).ShouldBeEmpty();
    }
}
