using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF007: <c>privileged: true</c>, <c>hostNetwork: true</c>, <c>hostPID: true</c> or <c>hostIPC: true</c>.</summary>
public sealed class PrivilegedRule : IManifestRule
{
    private static readonly string[] HostKeys = ["privileged", "hostNetwork", "hostPID", "hostIPC"];

    /// <inheritdoc />
    public string Id => "SCF007";

    /// <inheritdoc />
    public string Title => "Privileged container or host namespace";

    /// <inheritdoc />
    public string Principle => "Enterprise at Home: pod security (STACK §8 #5)";

    /// <inheritdoc />
    public string Rationale => "Privileged pods and host namespaces escape the container boundary and bypass network policies; one compromise owns the node.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Remove the setting; grant the specific capability instead, or suppress with a reason when the workload truly needs the host.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var map in document.Mappings)
        {
            foreach (var entry in map.Entries)
            {
                if (HostKeys.Contains(entry.Key.Value) && Manifests.IsTrue(entry.Value))
                {
                    sink.Report(this, entry.Key, $"The manifest sets {entry.Key.Value}: true.");
                }
            }
        }
    }
}
