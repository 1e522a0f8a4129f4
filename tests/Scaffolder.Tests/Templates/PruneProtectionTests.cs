namespace Scaffolder.Tests.Templates;

/// <summary>
/// Data survives a prune (issue 18): PVCs, GarageBuckets, CNPG Clusters and the Namespace of an app with a PVC carry
/// <c>kustomize.toolkit.fluxcd.io/prune: disabled</c> by default; <c>flux.protectDataFromPrune: false</c> turns it off.
/// </summary>
public sealed class PruneProtectionTests
{
    private const string Annotation = "  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n";
    private const string App = "kubernetes/clusters/live/apps/wiki/";

    private static readonly string[] DataFiles =
    [
        App + "wiki-volumes-pvc.yaml",
        App + "wiki-garage-bucket.yaml",
        App + "database-cluster.yaml",
        "kubernetes/platform/config/garage/cnpg-wiki-backups.yaml",
        App + "namespace.yaml",
    ];

    private static readonly string[] NotData = [App + "helmrelease.yaml", App + "database-object-store.yaml", App + "wiki-garage-key.yaml"];

    [Fact]
    public void Data_holding_objects_and_the_namespace_of_a_volume_are_kept_from_prune_by_default()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("new", "app", "wiki", "--database", "dedicated", "--bucket", "--volume", "data:1Gi");

        result.ExitCode.ShouldBe(0, result.Error);
        foreach (var file in DataFiles)
        {
            repo.Read(file).ShouldContain(Annotation, customMessage: file);
        }

        foreach (var file in NotData)
        {
            repo.Read(file).ShouldNotContain("kustomize.toolkit.fluxcd.io/prune", customMessage: file);
        }
    }

    [Fact]
    public void An_app_without_data_keeps_its_namespace_prunable_until_a_volume_is_added()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        repo.Read(App + "namespace.yaml").ShouldNotContain("prune");

        var result = repo.Run("new", "storage", "cache", "--app", "wiki", "--block", "--size", "1Gi");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(App + "namespace.yaml").ShouldEndWith(Annotation);
        repo.Read(App + "wiki-cache-pvc.yaml").ShouldContain(Annotation);
        repo.Run("new", "storage", "more", "--app", "wiki", "--block", "--size", "1Gi").ExitCode.ShouldBe(0);
        repo.Read(App + "namespace.yaml").ShouldEndWith(Annotation);
    }

    [Fact]
    public void The_config_switch_turns_the_protection_off()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold.yaml", repo.Read(".scaffold.yaml") + "flux:\n  protectDataFromPrune: false\n");

        var result = repo.Run("new", "app", "wiki", "--database", "dedicated", "--bucket", "--volume", "data:1Gi");

        result.ExitCode.ShouldBe(0, result.Error);
        foreach (var file in DataFiles)
        {
            repo.Read(file).ShouldNotContain("kustomize.toolkit.fluxcd.io/prune", customMessage: file);
        }
    }
}
