using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>Shared helpers for reading manifests the way the stack writes them.</summary>
internal static class Manifests
{
    /// <summary>The workload kinds that need monitoring.</summary>
    public static bool IsWorkload(string? kind) => kind is "HelmRelease" or "Deployment" or "StatefulSet" or "DaemonSet";

    /// <summary>Whether the document's API group is the PostgreSQL operator's (<see cref="CheckConventions.PostgresApiGroup"/>).</summary>
    public static bool IsCnpg(LocatedDocument document, CheckConventions conventions) =>
        conventions.PostgresApiGroup.Length > 0
        && document.ApiVersion?.StartsWith(conventions.PostgresApiGroup + "/", StringComparison.Ordinal) == true;

    /// <summary>
    /// Whether a document is a whole CNPG Cluster, not a kustomize patch of one: patch files (named <c>*patch*.yaml</c>,
    /// like <c>cluster-roles-patch.yaml</c>) hold partial objects that the rules for complete Clusters must skip.
    /// </summary>
    public static bool IsCnpgCluster(SourceFile file, LocatedDocument document, CheckConventions conventions) =>
        document.Kind == "Cluster" && IsCnpg(document, conventions) && !file.FileName.Contains("patch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app folder (matching the apps glob) of a file, or its directory otherwise.</summary>
    public static string UnitOf(SourceFile file, PathGlob appFolders) =>
        appFolders.TryMatchDirectory(file.RelativePath, out var folder) ? folder : file.Directory;

    /// <summary>Whether the scalar is a YAML true (unquoted).</summary>
    public static bool IsTrue(LocatedNode? node) => node is LocatedScalar { IsQuoted: false } s && s.Value is "true" or "True" or "TRUE";

    /// <summary>Whether the scalar is a YAML false (unquoted).</summary>
    public static bool IsFalse(LocatedNode? node) => node is LocatedScalar { IsQuoted: false } s && s.Value is "false" or "False" or "FALSE";

    /// <summary>The namespace an object lands in: <c>metadata.namespace</c>, or the database namespace under a <c>config/database/</c> directory.</summary>
    public static string? NamespaceOf(SourceFile file, LocatedDocument document) =>
        document.Namespace ?? (file.Directory.Contains("/config/database/", StringComparison.Ordinal) ? file.Conventions.DatabaseNamespace : null);

    /// <summary>
    /// The app-template values roots of a document: <c>spec.values</c> of a HelmRelease of the
    /// <c>app-template</c> chart, or a kind-less values document with a <c>controllers</c> mapping.
    /// </summary>
    public static LocatedMapping? AppTemplateValues(LocatedDocument document)
    {
        if (document.Kind == "HelmRelease")
        {
            var chart = document.Map?.At("spec", "chart", "spec", "chart")?.Text;
            return chart == "app-template" ? document.Map?.At("spec", "values") as LocatedMapping : null;
        }

        return document.Kind is null && document.Map?.Get("controllers") is LocatedMapping ? document.Map : null;
    }

    /// <summary>
    /// The Helm values of a document, whatever the chart: <c>spec.values</c> of a HelmRelease, or a whole values file
    /// (a document that is not a manifest).
    /// </summary>
    public static LocatedMapping? ChartValues(LocatedDocument document) =>
        document.Kind == "HelmRelease" ? document.Map?.At("spec", "values") as LocatedMapping
        : document.Kind is null && document.ApiVersion is null ? document.Map
        : null;

    /// <summary>
    /// The routes of chart values: the entries of <c>route:</c> (app-template and charts like Grafana's) that are
    /// mappings, and an <c>httpRoute:</c> mapping with <c>parentRefs</c> or <c>hostnames</c> (charts with one route).
    /// </summary>
    public static IEnumerable<LocatedEntry> ValuesRoutes(LocatedMapping values)
    {
        foreach (var route in AppTemplateRoutes(values))
        {
            yield return route;
        }

        if (values.GetEntry("httpRoute") is { Value: LocatedMapping single } entry && (single.Get("parentRefs") is not null || single.Get("hostnames") is not null))
        {
            yield return entry;
        }
    }

    /// <summary>The namespace a HelmRelease renders into: <c>spec.targetNamespace</c>, else its own namespace.</summary>
    public static string? ReleaseNamespace(LocatedDocument document) =>
        document.Kind == "HelmRelease" ? document.Map?.At("spec", "targetNamespace")?.Text ?? document.Namespace : null;

    /// <summary>
    /// Whether an HTTPRoute only redirects (every rule has a <c>RequestRedirect</c> filter, as the HTTP→HTTPS route on
    /// a gateway's port 80 does): it is no user-facing route.
    /// </summary>
    public static bool IsRedirectOnly(LocatedNode? spec) =>
        spec?.At("rules") is LocatedSequence { Items.Count: > 0 } rules
        && rules.Items.All(r => r.At("filters") is LocatedSequence filters && filters.Items.Any(f => f.At("type")?.Text == "RequestRedirect"));

    /// <summary>Whether HelmRelease values enable a ServiceMonitor or PodMonitor.</summary>
    public static bool ValuesEnableMonitoring(LocatedNode? values)
    {
        if (values is null)
        {
            return false;
        }

        foreach (var map in values.DescendantMappings())
        {
            foreach (var entry in map.Entries)
            {
                var key = entry.Key.Value;
                var isMonitorKey = key.Contains("serviceMonitor", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("podMonitor", StringComparison.OrdinalIgnoreCase);
                if (isMonitorKey && !IsDisabled(entry.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The route mappings of app-template values (<c>route.&lt;name&gt;</c>).</summary>
    public static IEnumerable<LocatedEntry> AppTemplateRoutes(LocatedMapping values) =>
        values.Get("route") is LocatedMapping routes ? routes.Entries.Where(e => e.Value is LocatedMapping) : [];

    /// <summary>The <c>labels:</c> key of the metadata, or the metadata name, where label findings are reported.</summary>
    public static LocatedNode LabelsKey(LocatedMapping map) =>
        (map.Get("metadata") as LocatedMapping)?.GetEntry("labels")?.Key ?? map.At("metadata", "name") ?? map;

    /// <summary>The text of an annotation or null.</summary>
    public static string? Annotation(LocatedDocument document, string name) => document.Annotations?.Get(name)?.Text;

    private static bool IsDisabled(LocatedNode value)
    {
        if (IsFalse(value) || value is LocatedScalar { IsNull: true })
        {
            return true;
        }

        var mappings = value.DescendantMappings();
        return mappings.Any(m => IsFalse(m.Get("enabled"))) && !mappings.Any(m => IsTrue(m.Get("enabled")));
    }
}
