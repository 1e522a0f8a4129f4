using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF018: a cluster Namespace without a valid profile label or the dataplane and PodSecurity labels.</summary>
public sealed class NamespaceLabelsRule(CheckConventions conventions) : IManifestRule
{
    private readonly PathGlob _clusters = new(conventions.ClustersPathPattern);

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
        if (document.Kind != "Namespace" || !_clusters.IsMatch(file.RelativePath) || document.Map is not { } map)
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

/// <summary>SCF024: a namespace consuming database, cache or Garage resources without the matching access label.</summary>
public sealed class AccessLabelRule(CheckConventions conventions) : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF024";

    /// <inheritdoc />
    public string Title => "Missing access label or Garage grant";

    /// <inheritdoc />
    public string Principle => "Failure modes: how does it interact with network policies? (default deny; STACK §8 #13)";

    /// <inheritdoc />
    public string Rationale => "Under default deny, a namespace reaches Postgres, Dragonfly or Garage only with the access label, and a cross-namespace GarageKey only with a GarageReferenceGrant; without them the app fails at runtime.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => $"Add the label {conventions.AccessLabel("<access>")}: \"true\" to the Namespace (and a GarageReferenceGrant allow-<ns> in {conventions.GarageNamespace}); `scaffold new database|secret|storage ... --app <app>` adds them.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        var namespaces = new Dictionary<string, NamespaceFact>(StringComparer.Ordinal);
        foreach (var ns in facts.Namespaces)
        {
            namespaces.TryAdd(ns.Name, ns);
        }

        var needs = new List<(string Namespace, string Access, string Because)>();
        foreach (var replica in facts.Replicas)
        {
            var sourceNamespace = replica.Source.Split('/')[0];
            var access = sourceNamespace == conventions.DatabaseNamespace ? conventions.PostgresAccess
                : sourceNamespace == conventions.CacheNamespace ? conventions.DragonflyAccess : null;
            if (access is not null)
            {
                needs.Add((replica.Namespace, access, $"{replica.Location.File} replicates {replica.Source}"));
            }
        }

        foreach (var key in facts.GarageKeys.Where(k => k.Namespace.Length > 0 && k.Namespace != conventions.GarageNamespace))
        {
            needs.Add((key.Namespace, conventions.GarageAccess, $"{key.Location.File} declares GarageKey {key.Name}"));
            if (!facts.ReferenceGrants.Contains("allow-" + key.Namespace))
            {
                var at = key.Location;
                sink.Report(this, at.File, at.Line, at.Column,
                    $"GarageKey '{key.Name}' in namespace '{key.Namespace}' has no GarageReferenceGrant 'allow-{key.Namespace}' in {conventions.GarageNamespace}.");
            }
        }

        var reported = new HashSet<(string, string)>();
        foreach (var (ns, access, because) in needs)
        {
            var label = conventions.AccessLabel(access);
            if (namespaces.TryGetValue(ns, out var fact) && !fact.Labels.Contains(label) && reported.Add((ns, access)))
            {
                var at = fact.Location;
                sink.Report(this, at.File, at.Line, at.Column, $"Namespace '{ns}' lacks {label}: \"true\" ({because}).");
            }
        }
    }
}
