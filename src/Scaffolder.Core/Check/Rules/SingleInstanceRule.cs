using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

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
        if (Manifests.IsCnpgCluster(file, document, conventions)
            && document.Map?.At("spec", "instances") is LocatedScalar { Value: "1" } instances
            && Manifests.Annotation(document, conventions.RecoveryNoteAnnotation) is null)
        {
            sink.Report(this, instances, $"CNPG Cluster '{document.Name}' runs one instance and has no {conventions.RecoveryNoteAnnotation} annotation.");
        }
    }
}
