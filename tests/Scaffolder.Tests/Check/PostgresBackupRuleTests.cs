using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>
/// SCF010 accepts either backup form: the Barman Cloud Plugin as WAL archiver with the ObjectStore it names, or in-tree
/// barmanObjectStore. SCF038 flags in-tree barmanObjectStore: a warning while the repository's database.backupMethod is
/// plugin, a note when the repository chose barmanObjectStore.
/// </summary>
public sealed class PostgresBackupRuleTests
{
    private const string Head = "---\napiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: app-database\n  namespace: database\nspec:\n  instances: 1\n";
    private const string Plugin = "  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n      parameters:\n        barmanObjectName: app-database-backups\n";
    private const string InTree = "  backup:\n    barmanObjectStore:\n      destinationPath: s3://b/\n    retentionPolicy: \"14d\"\n";

    private static string ObjectStore(string name, string? ns) =>
        $"---\napiVersion: barmancloud.cnpg.io/v1\nkind: ObjectStore\nmetadata:\n  name: {name}\n{(ns is null ? string.Empty : $"  namespace: {ns}\n")}spec:\n  retentionPolicy: \"14d\"\n  configuration:\n    destinationPath: s3://b/\n";

    [Theory]
    [InlineData(Plugin, null)]
    [InlineData(InTree, null)]
    [InlineData("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n", "names no parameters.barmanObjectName")]
    [InlineData("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      parameters:\n        barmanObjectName: app-database-backups\n", "has neither the barman-cloud.cloudnative-pg.io plugin as WAL archiver nor backup.barmanObjectStore")]
    [InlineData("  storage:\n    size: 1Gi\n", "has neither")]
    public void Either_backup_form_passes_and_anything_else_is_reported(string backup, string? message)
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + backup);
        repo.Write("kubernetes/clusters/live/config/app/object-store.yaml", ObjectStore("app-database-backups", "database"));

        var findings = repo.Check().Findings.Where(f => f.RuleId == "SCF010").Select(f => f.Message).ToList();

        if (message is null)
        {
            findings.ShouldBeEmpty();
        }
        else
        {
            findings.ShouldHaveSingleItem().ShouldContain(message);
        }
    }

    [Theory]
    [InlineData(null, null, "no ObjectStore 'app-database-backups'")]
    [InlineData("app-database-backup", "database", "no ObjectStore 'app-database-backups'")]
    [InlineData("app-database-backups", "other", "no ObjectStore 'app-database-backups'")]
    [InlineData("app-database-backups", "database", null)]
    [InlineData("app-database-backups", null, null)]
    public void A_plugin_cluster_needs_the_ObjectStore_it_names(string? storeName, string? storeNamespace, string? message)
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + Plugin);
        if (storeName is not null)
        {
            repo.Write("kubernetes/clusters/live/config/app/object-store.yaml", ObjectStore(storeName, storeNamespace));
        }

        var findings = repo.Check().Findings.Where(f => f.RuleId == "SCF010").ToList();

        if (message is null)
        {
            findings.ShouldBeEmpty();
        }
        else
        {
            var finding = findings.ShouldHaveSingleItem();
            finding.Message.ShouldContain(message);
            finding.File.ShouldBe("kubernetes/clusters/live/config/app/cluster.yaml");
            finding.Line.ShouldBe(13);
        }
    }

    [Fact]
    public void In_tree_barmanObjectStore_is_a_warning_with_the_plugin_as_fix_while_the_repository_says_plugin()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + InTree);

        var finding = repo.Check().Findings.Where(f => f.RuleId == "SCF038").ShouldHaveSingleItem();

        CheckConventions.Default.PostgresBackupMethod.ShouldBe("plugin");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Line.ShouldBe(10);
        finding.Message.ShouldContain("in-tree backup.barmanObjectStore");
        finding.Message.ShouldContain("database.backupMethod is plugin");
        finding.Fix.ShouldContain("ObjectStore");
        finding.Fix.ShouldContain("method: plugin");
    }

    [Fact]
    public void In_tree_barmanObjectStore_is_a_note_when_the_repository_chose_it()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + InTree);

        var report = repo.Check(CheckConventions.Default with { PostgresBackupMethod = "barmanObjectStore" }, new CheckOptions { MinSeverity = Severity.Note });

        var finding = report.Findings.Where(f => f.RuleId == "SCF038").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Note);
        finding.Message.ShouldContain("database.backupMethod: barmanObjectStore");
    }

    [Fact]
    public void A_plugin_cluster_is_not_flagged_as_in_tree()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + Plugin);

        repo.Check(options: new CheckOptions { MinSeverity = Severity.Note }).Findings.ShouldNotContain(f => f.RuleId == "SCF038");
    }
}
