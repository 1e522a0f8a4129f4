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
