using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF010: a CNPG Cluster without a Garage barman backup or without a retention policy.</summary>
public sealed class PostgresBackupRule(CheckConventions conventions) : IManifestRule
{
    /// <summary>The Barman Cloud Plugin's name in a Cluster's <c>spec.plugins</c>.</summary>
    private const string BarmanCloudPlugin = "barman-cloud.cloudnative-pg.io";

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
    public string Fix => "Add spec.plugins with barman-cloud.cloudnative-pg.io (isWALArchiver: true, parameters.barmanObjectName) and an ObjectStore with retentionPolicy, or spec.backup.barmanObjectStore and spec.backup.retentionPolicy; `scaffold new database <name> --app <app> --mode dedicated` generates it.";

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
        if (PluginArchiver(spec) is { } plugin)
        {
            if (plugin.At("parameters", "barmanObjectName") is null)
            {
                sink.Report(this, plugin, $"CNPG Cluster '{document.Name}' archives WAL with {BarmanCloudPlugin} but names no parameters.barmanObjectName (its ObjectStore).");
            }

            return;
        }

        var backup = spec?.GetEntry("backup");
        if (backup?.Value.At("barmanObjectStore") is null)
        {
            sink.Report(this, (LocatedNode?)backup?.Key ?? map.At("metadata", "name") ?? map, $"CNPG Cluster '{document.Name}' has neither the {BarmanCloudPlugin} plugin as WAL archiver nor backup.barmanObjectStore.");
        }
        else if (backup.Value.At("retentionPolicy") is null)
        {
            sink.Report(this, backup.Key, $"CNPG Cluster '{document.Name}' has no backup.retentionPolicy.");
        }
    }

    /// <summary>The <c>spec.plugins</c> item of the Barman Cloud Plugin with <c>isWALArchiver: true</c>, or null.</summary>
    private static LocatedMapping? PluginArchiver(LocatedMapping? spec) =>
        (spec?.Get("plugins") as LocatedSequence)?.Items.OfType<LocatedMapping>()
            .FirstOrDefault(p => p.Get("name")?.Text == BarmanCloudPlugin && p.Get("isWALArchiver")?.Text == "true");
}
