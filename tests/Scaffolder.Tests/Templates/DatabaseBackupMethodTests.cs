namespace Scaffolder.Tests.Templates;

/// <summary><c>database.backupMethod: barmanObjectStore</c> keeps the in-tree form, and the plan says CNPG 1.31 removes it (issue 18).</summary>
public sealed class DatabaseBackupMethodTests
{
    [Fact]
    public void A_dedicated_database_on_the_in_tree_method_is_generated_with_a_warning_naming_the_removal()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold.yaml", repo.Read(".scaffold.yaml") + "database:\n  backupMethod: barmanObjectStore\n");

        var result = repo.Run("new", "database", "miniflux", "--app", "miniflux", "--mode", "dedicated");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("miniflux-database backs up with in-tree spec.backup.barmanObjectStore (database.backupMethod: barmanObjectStore), deprecated since CNPG 1.26 and removed in 1.31");
        var cluster = repo.Read("kubernetes/clusters/live/apps/miniflux/database-cluster.yaml");
        cluster.ShouldContain("  env:\n    - name: AWS_DEFAULT_REGION\n      value: garage\n");
        cluster.ShouldContain("  backup:\n    barmanObjectStore:\n");
        File.Exists(repo.PathOf("kubernetes/clusters/live/apps/miniflux/database-object-store.yaml")).ShouldBeFalse();
    }
}
