using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF018: a cluster Namespace without a valid profile label or the dataplane and PodSecurity labels.</summary>
public sealed class NamespaceLabelsRule(CheckConventions conventions) : IManifestRule
{
    private readonly PathGlob clusters = new(conventions.ClustersPathPattern);

    /// <inheritdoc />
    public string Id => "SCF018";

    /// <inheritdoc />
    public string Title => "Namespace without profile or security labels";

    /// <inheritdoc />
    public string Principle => "New Application: Namespace with network-policy profile label (STACK §8 #1)";

    /// <inheritdoc />
    public string Rationale => "The profile label selects the default-deny network policy set, and the PodSecurity labels enforce the pod security level; a Namespace without them is wide open or broken.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => $"Label the Namespace with {conventions.ProfileLabel} ∈ {{{string.Join(", ", conventions.Profiles)}}} and {string.Join(", ", conventions.RequiredNamespaceLabels)}; `scaffold new app <name>` generates it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind != "Namespace" || !clusters.IsMatch(file.RelativePath) || document.Map is not { } map)
        {
            return;
        }

        var labels = document.Labels;
        var problems = new List<string>();
        var profile = labels?.Get(conventions.ProfileLabel)?.Text;
        if (profile is null)
        {
            problems.Add($"no {conventions.ProfileLabel} label");
        }
        else if (!conventions.Profiles.Contains(profile))
        {
            problems.Add($"unknown profile '{profile}'");
        }

        var accessPrefix = conventions.AccessLabel(string.Empty);
        var unknownAccess = labels?.Entries.Select(e => e.Key.Value)
            .Where(l => l.StartsWith(accessPrefix, StringComparison.Ordinal) && !conventions.AccessNames.Contains(l[accessPrefix.Length..]))
            .ToList() ?? [];
        if (unknownAccess.Count > 0)
        {
            problems.Add("unknown access label " + string.Join(", ", unknownAccess));
        }

        var missing = conventions.RequiredNamespaceLabels.Where(l => labels?.Get(l) is null).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"no {string.Join(", ", missing)} label{(missing.Count > 1 ? "s" : string.Empty)}");
        }

        if (problems.Count > 0)
        {
            sink.Report(this, Manifests.LabelsKey(map), $"Namespace '{document.Name}' has {string.Join("; ", problems)}.");
        }
    }
}
