using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF009: a PVC without an allowed storage class.</summary>
public sealed class StorageClassRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF009";

    /// <inheritdoc />
    public string Title => "PVC without an allowed storage class";

    /// <inheritdoc />
    public string Principle => "New Storage: Longhorn PVC for block storage (STACK §8 #4)";

    /// <inheritdoc />
    public string Rationale => "Only the Longhorn classes carry the replica count, disk tier and recurring jobs the stack relies on; an unset class silently takes the cluster default.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Set storageClassName to one of the stack's classes; `scaffold new storage <name> --app <app> --block --size 10Gi` generates a compliant PVC.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        var allowed = string.Join(", ", conventions.StorageClasses);
        if (document.Kind == "PersistentVolumeClaim" && document.Map is { } map)
        {
            var entry = map.Get("spec") is LocatedMapping spec ? spec.GetEntry("storageClassName") : null;
            if (entry is null)
            {
                sink.Report(this, map.At("metadata", "name") ?? map, $"PVC '{document.Name}' sets no storageClassName (allowed: {allowed}).");
            }
            else if (!conventions.StorageClasses.Contains(entry.Value.Text ?? string.Empty))
            {
                sink.Report(this, entry.Value, $"PVC '{document.Name}' uses storage class '{entry.Value.Text}' (allowed: {allowed}).");
            }
        }
        else if (Manifests.ChartValues(document)?.Get("persistence") is LocatedMapping persistence)
        {
            // Any chart's top-level persistence.<x>.storageClass must be allowed; an app-template inline PVC must set one.
            var isAppTemplate = Manifests.AppTemplateValues(document) is not null;
            foreach (var item in persistence.Entries)
            {
                if (item.Value is not LocatedMapping p || p.Get("existingClaim") is not null)
                {
                    continue;
                }

                if (p.Get("storageClass") is LocatedScalar { Value.Length: > 0 } sc && !sc.Value.Contains("${", StringComparison.Ordinal))
                {
                    if (!conventions.StorageClasses.Contains(sc.Value))
                    {
                        sink.Report(this, sc, $"Persistence '{item.Key.Value}' uses storage class '{sc.Value}' (allowed: {allowed}).");
                    }
                }
                else if (isAppTemplate && p.Get("type")?.Text == "persistentVolumeClaim" && p.Get("storageClass") is null)
                {
                    sink.Report(this, item.Key, $"Inline PVC '{item.Key.Value}' has no allowed storageClass (allowed: {allowed}).");
                }
            }
        }
    }
}
