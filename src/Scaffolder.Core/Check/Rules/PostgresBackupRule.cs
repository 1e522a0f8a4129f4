using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF010: a CNPG Cluster without a Garage barman backup or without a retention policy, or whose Barman Cloud Plugin
/// archiver names an ObjectStore no file of the repository defines.
/// </summary>
public sealed class PostgresBackupRule(CheckConventions conventions) : IManifestRule, IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF010";

    /// <inheritdoc />
    public string Title => "CNPG cluster without backup";

    /// <inheritdoc />
    public string Principle => "New Database: automated backups to Garage S3; operational cost: must have a recovery story (STACK §8 #14)";

    /// <inheritdoc />
    public string Rationale => "Without WAL archiving to Garage (the Barman Cloud Plugin with an ObjectStore, or in-tree barmanObjectStore) and a retentionPolicy the database has no point-in-time recovery and backups grow without bound.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => $"Add spec.plugins with {conventions.PostgresBackupPlugin} (isWALArchiver: true, parameters.barmanObjectName) and the ObjectStore it names, with retentionPolicy, or spec.backup.barmanObjectStore and spec.backup.retentionPolicy; `scaffold new database <name> --app <app> --mode dedicated` generates it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (!Manifests.IsCnpgCluster(file, document, conventions) || document.Map is not { } map)
        {
            return;
        }

        var spec = map.Get("spec") as LocatedMapping;
        if (Manifests.BackupPluginArchiver(spec, conventions.PostgresBackupPlugin) is { } plugin)
        {
            if (plugin.At("parameters", "barmanObjectName") is null)
            {
                sink.Report(this, plugin, $"CNPG Cluster '{document.Name}' archives WAL with {conventions.PostgresBackupPlugin} but names no parameters.barmanObjectName (its ObjectStore).");
            }

            return;
        }

        var backup = spec?.GetEntry("backup");
        if (backup?.Value.At("barmanObjectStore") is null)
        {
            sink.Report(this, (LocatedNode?)backup?.Key ?? map.At("metadata", "name") ?? map, $"CNPG Cluster '{document.Name}' has neither the {conventions.PostgresBackupPlugin} plugin as WAL archiver nor backup.barmanObjectStore.");
        }
        else if (backup.Value.At("retentionPolicy") is null)
        {
            sink.Report(this, backup.Key, $"CNPG Cluster '{document.Name}' has no backup.retentionPolicy.");
        }
    }

    /// <summary>The ObjectStore check: every <c>barmanObjectName</c> a plugin archiver names exists (same namespace when both set one).</summary>
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var reference in facts.ObjectStoreReferences)
        {
            var found = facts.ObjectStores.Any(s => s.Name == reference.Name
                && (s.Namespace.Length == 0 || reference.Namespace.Length == 0 || s.Namespace == reference.Namespace));
            if (!found)
            {
                var at = reference.Location;
                var where = reference.Namespace.Length == 0 ? string.Empty : $" in namespace '{reference.Namespace}'";
                sink.Report(this, at.File, at.Line, at.Column,
                    $"CNPG Cluster '{reference.Cluster}' archives WAL to ObjectStore '{reference.Name}', but the repository has no ObjectStore '{reference.Name}'{where}.",
                    $"Add the ObjectStore '{reference.Name}' (retentionPolicy, configuration with the Garage bucket and credentials) next to the Cluster and list it in its kustomization.yaml; `scaffold new database <name> --app <app> --mode dedicated` generates one.");
            }
        }
    }
}
