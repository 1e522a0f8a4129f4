using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

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
        if (!Manifests.IsCnpgCluster(file, document, conventions) || document.Map?.Get("spec") is not LocatedMapping spec)
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
