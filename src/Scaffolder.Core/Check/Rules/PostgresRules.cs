using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF010: a CNPG Cluster without a Garage barman backup or without a retention policy.</summary>
public sealed class PostgresBackupRule : IManifestRule
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
        if (!Manifests.IsCnpgCluster(file, document) || document.Map is not { } map)
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
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var cluster in facts.PostgresClusters.Where(c => !facts.ScheduledBackups.Contains(c.Name)))
        {
            var at = cluster.Location;
            sink.Report(this, at.File, at.Line, at.Column, $"No ScheduledBackup with backupOwnerReference: self targets CNPG Cluster '{cluster.Name}'.");
        }
    }
}

/// <summary>SCF012: a single-instance CNPG Cluster without a recovery note.</summary>
public sealed class SingleInstanceRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF012";

    /// <inheritdoc />
    public string Title => "Single-instance database without recovery note";

    /// <inheritdoc />
    public string Principle => "Anti-pattern: single-instance without HA story; at minimum, document the recovery procedure";

    /// <inheritdoc />
    public string Rationale => "One instance is a single point of failure; when that is a deliberate choice, the recovery procedure must be written down next to it.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => $"Use instances: {conventions.PostgresInstances}, or add the annotation {conventions.RecoveryNoteAnnotation}: \"<runbook link or procedure>\".";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (Manifests.IsCnpgCluster(file, document)
            && document.Map?.At("spec", "instances") is LocatedScalar { Value: "1" } instances
            && Manifests.Annotation(document, conventions.RecoveryNoteAnnotation) is null)
        {
            sink.Report(this, instances, $"CNPG Cluster '{document.Name}' runs one instance and has no {conventions.RecoveryNoteAnnotation} annotation.");
        }
    }
}

/// <summary>SCF013: a CNPG Cluster without a Pooler.</summary>
public sealed class PoolerRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF013";

    /// <inheritdoc />
    public string Title => "Database without connection pooling";

    /// <inheritdoc />
    public string Principle => "New Database: connection pooling via PgBouncer (CNPG-managed)";

    /// <inheritdoc />
    public string Rationale => "Apps connecting directly exhaust Postgres connections and break on failover; a CNPG Pooler absorbs both.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Add a Pooler '<cluster>-pooler-rw' (type rw, pgbouncer poolMode transaction, enablePodMonitor: true); `scaffold new database <name> --app <app>` uses the shared pooled cluster.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var cluster in facts.PostgresClusters.Where(c => !facts.Poolers.Contains(c.Name)))
        {
            var at = cluster.Location;
            sink.Report(this, at.File, at.Line, at.Column, $"No Pooler targets CNPG Cluster '{cluster.Name}'.");
        }
    }
}

/// <summary>SCF014: a CNPG Cluster that deviates from the stack's image, instances, storage class, monitoring or anti-affinity.</summary>
public sealed class PostgresSpecRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF014";

    /// <inheritdoc />
    public string Title => "CNPG cluster deviates from the stack";

    /// <inheritdoc />
    public string Principle => "DRY and Code Reuse: every CNPG Cluster uses the same fields (STACK §4, §8 #14)";

    /// <inheritdoc />
    public string Rationale => "The shared image variable keeps Renovate in charge of upgrades, the replica variable gives HA per cluster, and monitoring plus anti-affinity make failures visible and survivable.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Align the field with STACK §4; `scaffold new database <name> --app <app>` generates compliant fields.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (!Manifests.IsCnpgCluster(file, document) || document.Map?.Get("spec") is not LocatedMapping spec)
        {
            return;
        }

        var name = document.Name;
        Expect(spec, "imageName", conventions.PostgresImage, name, sink);
        var instances = spec.GetEntry("instances");
        if (instances?.Value.Text != "1")
        {
            Expect(spec, "instances", conventions.PostgresInstances, name, sink);
        }

        var storage = spec.GetEntry("storage");
        if (storage?.Value is LocatedMapping storageMap)
        {
            Expect(storageMap, "storageClass", conventions.PostgresStorageClass, name, sink);
        }

        if (!Manifests.IsTrue(spec.At("monitoring", "enablePodMonitor")))
        {
            sink.Report(this, spec.GetEntry("monitoring")?.Key ?? (LocatedNode)spec, $"CNPG Cluster '{name}' does not set monitoring.enablePodMonitor: true.");
        }

        if (!Manifests.IsTrue(spec.At("affinity", "enablePodAntiAffinity")))
        {
            sink.Report(this, spec.GetEntry("affinity")?.Key ?? (LocatedNode)spec, $"CNPG Cluster '{name}' does not set affinity.enablePodAntiAffinity: true.");
        }
    }

    private void Expect(LocatedMapping map, string key, string expected, string? name, FindingSink sink)
    {
        var entry = map.GetEntry(key);
        if (entry?.Value.Text != expected)
        {
            sink.Report(this, (LocatedNode?)entry?.Value ?? map, $"CNPG Cluster '{name}' {key} is '{entry?.Value.Text ?? "unset"}', expected '{expected}'.");
        }
    }
}
