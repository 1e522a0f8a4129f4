namespace Scaffolder.Core.Check.Rules;

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
