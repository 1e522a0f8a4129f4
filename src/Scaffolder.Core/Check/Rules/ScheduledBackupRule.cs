namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF011: a CNPG Cluster without a ScheduledBackup owned by itself.</summary>
public sealed class ScheduledBackupRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF011";

    /// <inheritdoc />
    public string Title => "CNPG cluster without ScheduledBackup";

    /// <inheritdoc />
    public string Principle => "New Database: automated backups (STACK §8 #14)";

    /// <inheritdoc />
    public string Rationale => "WAL archiving alone needs a base backup; a ScheduledBackup with backupOwnerReference: self makes daily base backups that are pruned with the cluster.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Add a ScheduledBackup '<cluster>-daily' with backupOwnerReference: self; `scaffold new database <name> --app <app>` generates it.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ClusterCompanionCheck.Report(this, facts, sink, facts.ScheduledBackups, name => $"No ScheduledBackup with backupOwnerReference: self targets CNPG Cluster '{name}'.");
    }
}
