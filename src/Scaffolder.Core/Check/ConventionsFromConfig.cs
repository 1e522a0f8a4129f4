using Scaffolder.Core.Config;

namespace Scaffolder.Core.Check;

/// <summary>Builds the names the check rules use from the repository's <c>.scaffold.yaml</c> (the one place conventions live).</summary>
public static class ConventionsFromConfig
{
    /// <summary>
    /// Maps <paramref name="config"/> onto <see cref="CheckConventions"/>; <paramref name="stackCatalog"/> is the
    /// repository's catalog from <see cref="Evaluation.RepoStackCatalog.Load"/> (null: the built-in one).
    /// </summary>
    public static CheckConventions Create(ScaffoldConfig config, Evaluation.StackCatalog? stackCatalog = null)
    {
        var ssmPrefix = config.Text("secrets.ssmPrefix");
        const string clusterVariable = "${cluster_name}";
        var ssmRoot = ssmPrefix.EndsWith(clusterVariable, StringComparison.Ordinal) ? ssmPrefix[..^clusterVariable.Length] : ssmPrefix.TrimEnd('/') + "/";
        var apps = config.Text("paths.apps");
        var clusterAt = apps.IndexOf("{cluster}", StringComparison.Ordinal);
        return new CheckConventions
        {
            LabelPrefix = config.Text("labels.networkPolicyPrefix"),
            Profiles = config.Strings("networkPolicy.profiles"),
            AccessNames = config.Strings("networkPolicy.access"),
            SecretStoreKind = config.Text("secrets.storeKind"),
            SecretStoreName = config.Text("secrets.storeName"),
            Clusters = config.KnownClusters,
            SsmKeyRoot = ssmRoot,
            StorageClasses = config.Strings("storage.classes"),
            Gateways = config.Maps("gateways")
                .Select(g => new GatewayConvention((string)g["name"]!, (string)g["namespace"]!, (string)g["domainVariable"]!))
                .ToList(),
            PrometheusRuleLabels = ((IReadOnlyDictionary<string, object?>)config.Get("monitoring.ruleLabels")!)
                .ToDictionary(p => p.Key, p => Rendering.TemplateRenderer.Text(p.Value), StringComparer.Ordinal),
            AvailabilityMetrics = config.Strings("monitoring.availabilityMetrics"),
            DatabaseNamespace = config.Text("database.namespace"),
            GarageNamespace = config.Text(config.Text("check.objectStoreNamespaceSetting")),
            CacheNamespace = config.Text("check.cacheNamespace"),
            PostgresAccess = config.Text("check.access.database"),
            DragonflyAccess = config.Text("check.access.cache"),
            GarageAccess = config.Text("check.access.objectStore"),
            RequiredNamespaceLabels = config.Strings("check.namespaceLabels"),
            ExternalSecretApiVersion = config.Text("check.externalSecretApiVersion"),
            PostgresApiGroup = config.Text("check.postgresApiGroup"),
            SecretGeneratorAnnotation = config.Text("check.secretGeneratorAnnotation"),
            ReplicateFromAnnotation = config.Text("check.replicateFromAnnotation"),
            HomepageAnnotationPrefix = config.Text("check.homepageAnnotationPrefix"),
            HomepageAnnotations = config.Strings("check.homepageAnnotations"),
            SchemaHeaderKinds = config.Strings("check.schemaHeaderKinds"),
            PostgresImage = $"{config.Text("database.image")}:${{{config.Text("database.imageVariable")}}}",
            PostgresInstances = $"${{{config.Text("database.replicaVariable")}}}",
            PostgresStorageClass = config.Text("storage.defaultClass"),
            PostgresBackupMethod = config.Text("database.backupMethod"),
            PostgresBackupPlugin = config.Text("database.backupPlugin"),
            ModulesPath = config.Text("paths.modules"),
            ClusterPath = config.Text("paths.cluster"),
            CrdDirectories = config.Strings("check.crds"),
            SharedVariableFiles = [config.Text("paths.clusterVariables").Replace("{cluster}", "*", StringComparison.Ordinal), config.Text("paths.platformVersions")],
            ClustersPathPattern = clusterAt >= 0 ? apps[..clusterAt] : apps.TrimEnd('/') + "/",
            AppsPathPattern = apps.Replace("{cluster}", "*", StringComparison.Ordinal).TrimEnd('/') + "/",
            IgnorePaths = config.Strings("check.ignorePaths"),
            DecisionsPath = config.Text("paths.decisions").Trim('/'),
            StackCatalog = stackCatalog ?? Evaluation.RepoStackCatalog.BuiltIn,
        };
    }
}
