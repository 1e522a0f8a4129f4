using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF005: a hostPath volume.</summary>
public sealed class HostPathRule : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF005";

    /// <inheritdoc />
    public string Title => "hostPath volume";

    /// <inheritdoc />
    public string Principle => "New Storage: never use hostPath for persistent data (STACK §8 #5)";

    /// <inheritdoc />
    public string Rationale => "hostPath ties data to one node, survives no rescheduling, has no backup and breaks pod security.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Use a Longhorn PVC: `scaffold new storage <name> --app <app> --block --size 10Gi`.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var map in document.Mappings)
        {
            foreach (var entry in map.Entries)
            {
                if (entry.Key.Value == "hostPath" && entry.Value is LocatedMapping)
                {
                    sink.Report(this, entry.Key, "A hostPath volume is used.");
                }
                else if (entry.Key.Value == "type" && entry.Value.Text == "hostPath")
                {
                    sink.Report(this, entry.Value, "A hostPath persistence entry is used.");
                }
            }
        }
    }
}
