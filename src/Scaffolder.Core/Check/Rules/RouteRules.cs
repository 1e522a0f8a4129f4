using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF020: a route on an unknown gateway, or with a hostname outside its gateway's domain.</summary>
public sealed class RouteGatewayRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF020";

    /// <inheritdoc />
    public string Title => "Route on unknown gateway or wrong domain";

    /// <inheritdoc />
    public string Principle => "New Network Exposure: HTTPRoute on the Gateway API; internal gateway for internal-only services (STACK §8 #6)";

    /// <inheritdoc />
    public string Rationale => "A route attaches only to the stack's gateways, and a hostname outside the gateway's wildcard domain gets no certificate and no DNS.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Use parentRefs [{name: internal|external, namespace: " + conventions.Gateways[0].Namespace + "}] with hostnames \"<sub>.${internal_domain|external_domain}\"; `scaffold new route <name> --app <app> --gateway internal --host <sub>` generates it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind == "HTTPRoute" && document.Map?.Get("spec") is LocatedMapping spec)
        {
            CheckRoute(document.Name ?? string.Empty, spec, document.Namespace, sink);
        }
        else if (Manifests.ChartValues(document) is { } values)
        {
            foreach (var route in Manifests.ValuesRoutes(values))
            {
                CheckRoute(route.Key.Value, (LocatedMapping)route.Value, Manifests.ReleaseNamespace(document), sink);
            }
        }
    }

    // A parentRef without a namespace means the route's own namespace (Gateway API); when that is unknown too (a
    // values file), the gateway is matched by name.
    private void CheckRoute(string name, LocatedMapping route, string? routeNamespace, FindingSink sink)
    {
        var gateways = new List<GatewayConvention>();
        if (route.Get("parentRefs") is LocatedSequence parents)
        {
            foreach (var parent in parents.Items.OfType<LocatedMapping>())
            {
                var parentName = parent.Get("name")?.Text;
                var parentNamespace = parent.Get("namespace")?.Text ?? routeNamespace;
                var gateway = conventions.Gateways.FirstOrDefault(g => g.Name == parentName && (parentNamespace is null || g.Namespace == parentNamespace));
                if (gateway is null)
                {
                    sink.Report(this, parent, $"Route '{name}' attaches to '{parentNamespace}/{parentName}', which is not one of {string.Join(", ", conventions.Gateways.Select(g => g.Namespace + "/" + g.Name))}.");
                }
                else
                {
                    gateways.Add(gateway);
                }
            }
        }

        if (gateways.Count == 0 || route.Get("hostnames") is not LocatedSequence hostnames)
        {
            return;
        }

        foreach (var host in hostnames.Items.OfType<LocatedScalar>())
        {
            if (!gateways.Any(g => host.Value.EndsWith(g.HostSuffix, StringComparison.Ordinal)))
            {
                sink.Report(this, host, $"Route '{name}' hostname '{host.Value}' does not end with {string.Join(" or ", gateways.Select(g => g.HostSuffix))} of its gateway.");
            }
        }
    }
}

/// <summary>SCF021: an app whose routes carry no complete set of homepage annotations.</summary>
public sealed class HomepageRule(CheckConventions conventions) : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF021";

    /// <inheritdoc />
    public string Title => "Route without homepage annotations";

    /// <inheritdoc />
    public string Principle => "Automation is Key: the dashboard is generated from route annotations (STACK §5, §8 #7)";

    /// <inheritdoc />
    public string Rationale => "Homepage lists only routes with the gethomepage.dev annotations; an app without them is missing from the dashboard.";

    /// <inheritdoc />
    public Severity Severity => Severity.Note;

    /// <inheritdoc />
    public string Fix => $"Add {string.Join(", ", conventions.HomepageAnnotations.Select(a => conventions.HomepageAnnotationPrefix + a))} to one route of the app; `scaffold new route <name> --app <app> --gateway internal --host <sub>` generates them.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        var complete = conventions.HomepageAnnotations.Count;
        foreach (var unit in facts.Routes.GroupBy(r => r.Unit, StringComparer.Ordinal))
        {
            var partial = unit.Where(r => r.HomepageAnnotations > 0 && r.HomepageAnnotations < complete).ToList();
            foreach (var route in partial)
            {
                sink.Report(this, route.Location.File, route.Location.Line, route.Location.Column,
                    $"Route carries {route.HomepageAnnotations} of the {complete} homepage annotations.");
            }

            if (partial.Count == 0 && unit.All(r => r.HomepageAnnotations == 0))
            {
                var first = unit.First().Location;
                sink.Report(this, first.File, first.Line, first.Column, $"No route of {unit.Key} carries homepage annotations.");
            }
        }
    }
}
