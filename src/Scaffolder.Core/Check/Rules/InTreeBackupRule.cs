using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF038: a CNPG Cluster on in-tree Barman Cloud (<c>spec.backup.barmanObjectStore</c>), deprecated since CNPG 1.26 and
/// removed in 1.31. A warning while the repository's <c>database.backupMethod</c> is <c>plugin</c>, a note when the
/// repository chose <c>barmanObjectStore</c> on purpose.
/// </summary>
public sealed class InTreeBackupRule(CheckConventions conventions) : IManifestRule
{
    /// <summary>The <c>database.backupMethod</c> value of repositories that keep the in-tree form.</summary>
    private const string InTreeMethod = "barmanObjectStore";

    /// <inheritdoc />
    public string Id => "SCF038";

    /// <inheritdoc />
    public string Title => "CNPG cluster on in-tree Barman Cloud";

    /// <inheritdoc />
    public string Principle => "New Database: backups that survive the next CNPG upgrade (CNPG 1.26 deprecated in-tree Barman Cloud; 1.31 removes it)";

    /// <inheritdoc />
    public string Rationale => "CNPG deprecated spec.backup.barmanObjectStore in 1.26 and removes it in 1.31.0; a Cluster still on it loses WAL archiving and backups on that upgrade. The Barman Cloud Plugin replaces it.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => $"Move the backup to the Barman Cloud Plugin: an ObjectStore (barmancloud.cnpg.io/v1) with the barmanObjectStore configuration as spec.configuration and the retentionPolicy, spec.plugins with {conventions.PostgresBackupPlugin} (isWALArchiver: true, parameters.barmanObjectName: <the ObjectStore>) instead of spec.backup, and method: plugin with pluginConfiguration.name: {conventions.PostgresBackupPlugin} on its ScheduledBackups; `scaffold new database <name> --app <app> --mode dedicated` generates that form.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (!Manifests.IsCnpgCluster(file, document, conventions) || document.Map?.Get("spec") is not LocatedMapping spec
            || spec.Get("backup") is not LocatedMapping backup || backup.GetEntry("barmanObjectStore") is not { } inTree)
        {
            return;
        }

        if (conventions.PostgresBackupMethod == InTreeMethod)
        {
            sink.Report(this, inTree.Key, $"CNPG Cluster '{document.Name}' uses in-tree backup.barmanObjectStore, as the repository chose (database.backupMethod: {InTreeMethod}); CNPG 1.31 removes it.", Severity.Note);
        }
        else
        {
            sink.Report(this, inTree.Key, $"CNPG Cluster '{document.Name}' uses in-tree backup.barmanObjectStore, deprecated since CNPG 1.26 and removed in 1.31, while the repository's database.backupMethod is {conventions.PostgresBackupMethod}.");
        }
    }
}
