namespace Scaffolder.Tests.Check;

/// <summary>
/// Class 2 of issue 17 through the Flux model: a document without <c>metadata.namespace</c> takes the
/// <c>targetNamespace</c> of the Flux Kustomization that deploys it, also when a ResourceSet generates that
/// Kustomization and the namespace comes from the ResourceSet input.
/// </summary>
public sealed class FluxNamespaceTests
{
    private const string ResourceSet = """
        ---
        apiVersion: fluxcd.controlplane.io/v1
        kind: ResourceSet
        metadata:
          name: cluster-config
          namespace: flux-system
        spec:
          inputs:
            - name: media
              namespace: media
              path: kubernetes/clusters/live/config/media
          resourcesTemplate: |
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: << inputs.name >>-config
              namespace: flux-system
            spec:
              interval: 10m
              path: ./<< inputs.path >>
              prune: true
              targetNamespace: << inputs.namespace | default inputs.name >>
              sourceRef:
                kind: GitRepository
                name: flux-system
        """;

    private const string GarageKey = """
        ---
        apiVersion: garage.rajsingh.info/v1beta1
        kind: GarageKey
        metadata:
          name: media
        spec:
          clusterRef:
            name: garage
        """;

    [Fact]
    public void A_document_without_namespace_takes_the_target_namespace_a_ResourceSet_input_gives()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/clusters/live/kustomization.yaml", "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - config/cluster-config-resourceset.yaml\n")
            .Write("kubernetes/clusters/live/config/cluster-config-resourceset.yaml", ResourceSet)
            .Write("kubernetes/clusters/live/config/media/kustomization.yaml", "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - garage-key.yaml\n")
            .Write("kubernetes/clusters/live/config/media/garage-key.yaml", GarageKey);

        var report = repo.Check(options: new Scaffolder.Core.Check.CheckOptions { RuleIds = ["SCF024"] });

        report.Findings.Select(f => $"{f.RuleId} {f.File}:{f.Line} {f.Message}").ShouldBe(
        [
            "SCF024 kubernetes/clusters/live/config/media/garage-key.yaml:3 GarageKey 'media' in namespace 'media' has no GarageReferenceGrant 'allow-media' in garage.",
        ]);
    }

    [Fact]
    public void A_folder_outside_the_generated_Kustomization_keeps_no_namespace()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/clusters/live/kustomization.yaml", "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - config/cluster-config-resourceset.yaml\n")
            .Write("kubernetes/clusters/live/config/cluster-config-resourceset.yaml", ResourceSet)
            .Write("kubernetes/clusters/live/config/books/kustomization.yaml", "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - garage-key.yaml\n")
            .Write("kubernetes/clusters/live/config/books/garage-key.yaml", GarageKey);

        var report = repo.Check(options: new Scaffolder.Core.Check.CheckOptions { RuleIds = ["SCF024"] });

        report.Findings.ShouldBeEmpty();
    }
}
