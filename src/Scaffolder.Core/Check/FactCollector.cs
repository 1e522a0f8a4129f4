using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>Extracts the small cross-file facts of one file.</summary>
internal sealed class FactCollector
{
    private readonly CheckConventions conventions;
    private readonly PathGlob appFolders;
    private readonly string modulesPrefix;
    private readonly Func<string, string, bool>? hasCrd;

    /// <summary>Creates a collector; <paramref name="hasCrd"/> tells which apiVersion/kind have a CRD schema (documents kept for <c>--crds</c>).</summary>
    public FactCollector(CheckConventions conventions, Func<string, string, bool>? hasCrd = null)
    {
        this.conventions = conventions;
        this.hasCrd = hasCrd;
        appFolders = new PathGlob(conventions.AppsPathPattern.TrimEnd('/') + "/*/");
        modulesPrefix = conventions.ModulesPath.Trim('/') + "/";
    }

    /// <summary>Adds the facts of <paramref name="file"/> to <paramref name="facts"/>.</summary>
    public void Collect(SourceFile file, List<object> facts)
    {
        var unit = Manifests.UnitOf(file, appFolders);
        FluxFactCollector.Collect(file, facts, hasCrd);
        if (file.Kind == SourceKind.Yaml)
        {
            var isAppFolder = appFolders.TryMatchDirectory(file.RelativePath, out var folder) && folder == file.Directory;
            var isAppManifest = false;
            foreach (var document in file.Yaml!.Documents)
            {
                isAppManifest |= document.Kind is "HelmRelease" or "Namespace";
                CollectDocument(file, document, unit, facts);
            }

            if (isAppFolder)
            {
                facts.Add(new AppFileFact(folder, file.FileName, isAppManifest, new SourceLocation(file.RelativePath, 1, 1)));
            }
        }
        else if (file.RelativePath.StartsWith(modulesPrefix, StringComparison.Ordinal))
        {
            CollectTofu(file, facts);
        }
    }

    private void CollectTofu(SourceFile file, List<object> facts)
    {
        var rest = file.RelativePath[modulesPrefix.Length..];
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return;
        }

        var module = modulesPrefix + rest[..slash];
        var inner = rest[(slash + 1)..];
        if (file.FileName.EndsWith(".tftest.hcl", StringComparison.Ordinal) && inner.StartsWith("tests/", StringComparison.Ordinal))
        {
            facts.Add(new TofuTestFact(module));
        }
        else if (file.Kind == SourceKind.Terraform && !inner.Contains('/', StringComparison.Ordinal))
        {
            facts.Add(new TofuFileFact(module, new SourceLocation(file.RelativePath, 1, 1)));
        }
    }

    private void CollectDocument(SourceFile file, LocatedDocument document, string unit, List<object> facts)
    {
        var map = document.Map;
        if (map is null)
        {
            return;
        }

        var kind = document.Kind;
        var at = Locate(file, map.GetEntry("kind")?.Key ?? (LocatedNode)map);
        switch (kind)
        {
            case "ServiceMonitor" or "PodMonitor":
                facts.Add(new MonitorFact(unit));
                break;
            case "PrometheusRule":
                facts.Add(new AlertRuleFact(unit));
                if (AlertsOnAvailability(map))
                {
                    facts.Add(new AvailabilityAlertFact(unit));
                }

                break;
            case "Namespace":
                var labels = document.Labels?.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) ?? [];
                var nameNode = map.At("metadata", "name") ?? map;
                facts.Add(new NamespaceFact(document.Name ?? string.Empty, labels, Locate(file, nameNode)));
                break;
            case "Secret":
                var source = Manifests.Annotation(document, conventions.ReplicateFromAnnotation);
                var ns = Manifests.NamespaceOf(file, document);
                if (source is not null)
                {
                    facts.Add(new ReplicaFact(ns ?? string.Empty, source, at));
                }

                break;
            case "GarageKey":
                facts.Add(new GarageKeyFact(Manifests.NamespaceOf(file, document) ?? string.Empty, document.Name ?? string.Empty, at));
                break;
            case "GarageReferenceGrant" when Manifests.NamespaceOf(file, document) is var grantNs && (grantNs is null || grantNs == conventions.GarageNamespace):
                facts.Add(new ReferenceGrantFact(document.Name ?? string.Empty));
                break;
            case "Cluster" when Manifests.IsCnpgCluster(file, document, conventions):
                facts.Add(new PostgresClusterFact(document.Name ?? string.Empty, at));
                if (Manifests.BackupPluginArchiver(map.Get("spec") as LocatedMapping, conventions.PostgresBackupPlugin)?.At("parameters", "barmanObjectName") is LocatedScalar { Value.Length: > 0 } objectName)
                {
                    facts.Add(new ObjectStoreReferenceFact(document.Name ?? string.Empty, Manifests.NamespaceOf(file, document) ?? string.Empty, objectName.Value, Locate(file, objectName)));
                }

                break;
            case "ObjectStore":
                facts.Add(new ObjectStoreFact(Manifests.NamespaceOf(file, document) ?? string.Empty, document.Name ?? string.Empty, file.RelativePath));
                break;
            case "ScheduledBackup" when Manifests.IsCnpg(document, conventions) && map.At("spec", "backupOwnerReference")?.Text == "self":
                facts.Add(new ScheduledBackupFact(map.At("spec", "cluster", "name")?.Text ?? string.Empty));
                break;
            case "Pooler" when Manifests.IsCnpg(document, conventions):
                facts.Add(new PoolerFact(map.At("spec", "cluster", "name")?.Text ?? string.Empty));
                break;
            case "ResourceSet":
                CollectRegistryInputs(file, map, facts);
                break;
            case "HelmRelease" when map.At("spec", "chart", "spec", "chart") is LocatedScalar { Value.Length: > 0 } chart && !chart.Value.Contains("${", StringComparison.Ordinal):
                facts.Add(new TechnologyFact($"HelmRelease '{document.Name}'", chart.Value, TechnologySource.Chart, Locate(file, chart)));
                break;
            case "OCIRepository" when map.At("spec", "url") is LocatedScalar { Value.Length: > 0 } url && !url.Value.Contains("${", StringComparison.Ordinal):
                facts.Add(new TechnologyFact($"OCIRepository '{document.Name}'", url.Value, TechnologySource.Chart, Locate(file, url)));
                break;
            case "HTTPRoute" when !Manifests.IsRedirectOnly(map.Get("spec")):
                facts.Add(new RouteFact(unit, CountHomepage(document.Annotations), at));
                break;
        }

        if (Manifests.IsWorkload(kind))
        {
            var hasMonitor = kind == "HelmRelease" && Manifests.ValuesEnableMonitoring(map.At("spec", "values"));
            facts.Add(new WorkloadFact(unit, kind!, document.Name ?? string.Empty, hasMonitor, at));
        }

        if (Manifests.AppTemplateValues(document) is { } values)
        {
            foreach (var route in Manifests.AppTemplateRoutes(values))
            {
                var annotations = route.Value.At("annotations") as LocatedMapping;
                facts.Add(new RouteFact(unit, CountHomepage(annotations), Locate(file, route.Key)));
            }

            CollectImages(file, document, values, facts);
        }
    }

    /// <summary>Whether an <c>alert</c> of the PrometheusRule's groups has an <c>expr</c> on a kube-state-metrics availability series.</summary>
    private bool AlertsOnAvailability(LocatedMapping map)
    {
        if (conventions.AvailabilityMetrics.Count == 0 || map.At("spec", "groups") is not LocatedSequence groups)
        {
            return false;
        }

        foreach (var group in groups.Items.OfType<LocatedMapping>())
        {
            foreach (var rule in (group.Get("rules") as LocatedSequence)?.Items.OfType<LocatedMapping>() ?? [])
            {
                if (rule.Get("alert") is not null && rule.Get("expr")?.Text is { } expr
                    && conventions.AvailabilityMetrics.Any(metric => MentionsMetric(expr, metric)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="expr"/> names <paramref name="metric"/> as a whole identifier.</summary>
    private static bool MentionsMetric(string expr, string metric)
    {
        for (var at = expr.IndexOf(metric, StringComparison.Ordinal); at >= 0; at = expr.IndexOf(metric, at + 1, StringComparison.Ordinal))
        {
            var end = at + metric.Length;
            if ((at == 0 || !IsIdentifierChar(expr[at - 1])) && (end == expr.Length || !IsIdentifierChar(expr[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':';

    /// <summary>The <c>image.repository</c> values of app-template values (SCF033).</summary>
    private static void CollectImages(SourceFile file, LocatedDocument document, LocatedMapping values, List<object> facts)
    {
        foreach (var map in values.DescendantMappings())
        {
            if (map.Get("image") is LocatedMapping image
                && image.Get("repository") is LocatedScalar { Value.Length: > 0 } repository
                && !repository.Value.Contains("${", StringComparison.Ordinal))
            {
                var subject = document.Kind is null ? "app-template values" : $"{document.Kind} '{document.Name}'";
                facts.Add(new TechnologyFact(subject, repository.Value, TechnologySource.Image, Locate(file, repository)));
            }
        }
    }

    private static void CollectRegistryInputs(SourceFile file, LocatedMapping map, List<object> facts)
    {
        if (map.At("spec", "inputs") is not LocatedSequence inputs)
        {
            return;
        }

        foreach (var input in inputs.Items.OfType<LocatedMapping>())
        {
            if (input.GetEntry("name") is { } name && input.Get("path")?.Text is { } path)
            {
                facts.Add(new RegistryInputFact(name.Value.Text ?? string.Empty, path.TrimEnd('/'), Locate(file, name.Value)));
            }
        }
    }

    private int CountHomepage(LocatedMapping? annotations) =>
        annotations is null
            ? 0
            : conventions.HomepageAnnotations.Count(a => annotations.Get(conventions.HomepageAnnotationPrefix + a) is not null);

    private static SourceLocation Locate(SourceFile file, LocatedNode node) => new(file.RelativePath, node.Line, node.Column);
}
