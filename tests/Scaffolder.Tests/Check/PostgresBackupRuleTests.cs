namespace Scaffolder.Tests.Check;

/// <summary>SCF010 accepts either backup form: the Barman Cloud Plugin as WAL archiver, or in-tree barmanObjectStore.</summary>
public sealed class PostgresBackupRuleTests
{
    private const string Head = "---\napiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: app-database\n  namespace: database\nspec:\n  instances: 1\n";

    [Theory]
    [InlineData("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n      parameters:\n        barmanObjectName: app-database-backups\n", null)]
    [InlineData("  backup:\n    barmanObjectStore:\n      destinationPath: s3://b/\n    retentionPolicy: \"14d\"\n", null)]
    [InlineData("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n", "names no parameters.barmanObjectName")]
    [InlineData("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      parameters:\n        barmanObjectName: app-database-backups\n", "has neither the barman-cloud.cloudnative-pg.io plugin as WAL archiver nor backup.barmanObjectStore")]
    [InlineData("  storage:\n    size: 1Gi\n", "has neither")]
    public void Either_backup_form_passes_and_anything_else_is_reported(string backup, string? message)
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/clusters/live/config/app/cluster.yaml", Head + backup);

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
}
