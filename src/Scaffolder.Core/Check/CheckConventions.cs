namespace Scaffolder.Core.Check;

/// <summary>
/// Every name the check rules need. The stack's names (labels, store, clusters, classes, gateways, namespaces, paths)
/// come from the configuration through <see cref="ConventionsFromConfig"/>: <see cref="Default"/> is built from the
/// embedded <c>scaffold.defaults.yaml</c>, the CLI from the repository's <c>.scaffold.yaml</c>, so those properties have
/// no values of their own here. Rules read names from here only.
/// </summary>
public sealed record CheckConventions
{
    /// <summary>The conventions of the embedded default configuration.</summary>
    public static CheckConventions Default { get; } = ConventionsFromConfig.Create(Config.ConfigLoader.LoadDefaults());

    /// <summary>The network-policy label prefix; the profile label is <c>&lt;prefix&gt;/profile</c>.</summary>
    public string LabelPrefix { get; init; } = string.Empty;

    /// <summary>The allowed network-policy profiles.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>The access label names (<c>access.&lt;prefix&gt;/&lt;name&gt;</c>).</summary>
    public IReadOnlyList<string> AccessNames { get; init; } = [];

    /// <summary>The access name a namespace consuming database secrets needs.</summary>
    public string PostgresAccess { get; init; } = string.Empty;

    /// <summary>The access name a namespace consuming cache secrets needs.</summary>
    public string DragonflyAccess { get; init; } = string.Empty;

    /// <summary>The access name a namespace holding a GarageKey needs.</summary>
    public string GarageAccess { get; init; } = string.Empty;

    /// <summary>Labels every cluster Namespace carries besides the profile label.</summary>
    public IReadOnlyList<string> RequiredNamespaceLabels { get; init; } = [];

    /// <summary>The secret store kind ExternalSecrets reference.</summary>
    public string SecretStoreKind { get; init; } = string.Empty;

    /// <summary>The secret store name ExternalSecrets reference.</summary>
    public string SecretStoreName { get; init; } = string.Empty;

    /// <summary>The ExternalSecret apiVersion.</summary>
    public string ExternalSecretApiVersion { get; init; } = string.Empty;

    /// <summary>The API group of the PostgreSQL operator's kinds: a <c>Cluster</c> of another group (Cluster API) is not one.</summary>
    public string PostgresApiGroup { get; init; } = string.Empty;

    /// <summary>The cluster names.</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];

    /// <summary>The SSM key root.</summary>
    public string SsmKeyRoot { get; init; } = string.Empty;

    /// <summary>The allowed SSM key prefixes: the root followed by <c>${cluster_name}</c>, <c>shared</c> or a cluster name.</summary>
    public IReadOnlyList<string> SsmKeyPrefixes =>
        [SsmKeyRoot + "${cluster_name}/", SsmKeyRoot + "shared/", .. Clusters.Select(c => SsmKeyRoot + c + "/")];

    /// <summary>The allowed storage classes.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    /// <summary>The gateways routes may attach to.</summary>
    public IReadOnlyList<GatewayConvention> Gateways { get; init; } = [];

    /// <summary>The homepage annotation prefix.</summary>
    public string HomepageAnnotationPrefix { get; init; } = string.Empty;

    /// <summary>The homepage annotations a listed route carries (after the prefix).</summary>
    public IReadOnlyList<string> HomepageAnnotations { get; init; } = [];

    /// <summary>Labels every PrometheusRule carries.</summary>
    public IReadOnlyDictionary<string, string> PrometheusRuleLabels { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>kube-state-metrics series an availability alert may use instead of a scrape (<c>monitoring.availabilityMetrics</c>, SCF001).</summary>
    public IReadOnlyList<string> AvailabilityMetrics { get; init; } = [];

    /// <summary>The allowed alert severities.</summary>
    public IReadOnlyList<string> AlertSeverities { get; init; } = ["critical", "warning"];

    /// <summary>The namespace of the CNPG clusters and role secrets.</summary>
    public string DatabaseNamespace { get; init; } = string.Empty;

    /// <summary>The namespace of the Dragonfly cache.</summary>
    public string CacheNamespace { get; init; } = string.Empty;

    /// <summary>The namespace of Garage.</summary>
    public string GarageNamespace { get; init; } = string.Empty;

    /// <summary>The CNPG image every Cluster uses.</summary>
    public string PostgresImage { get; init; } = string.Empty;

    /// <summary>The CNPG instance count every Cluster uses.</summary>
    public string PostgresInstances { get; init; } = string.Empty;

    /// <summary>The storage class of CNPG Clusters.</summary>
    public string PostgresStorageClass { get; init; } = string.Empty;

    /// <summary>The backup method new CNPG Clusters use (<c>database.backupMethod</c>): <c>plugin</c> or <c>barmanObjectStore</c>.</summary>
    public string PostgresBackupMethod { get; init; } = string.Empty;

    /// <summary>The Barman Cloud Plugin's name in a Cluster's <c>spec.plugins</c> (<c>database.backupPlugin</c>).</summary>
    public string PostgresBackupPlugin { get; init; } = string.Empty;

    /// <summary>The annotation documenting the recovery procedure of a single-instance Cluster.</summary>
    public string RecoveryNoteAnnotation { get; init; } = "scaffold.dev/recovery";

    /// <summary>The per-resource suppression annotation: <c>"SCF001,SCF002 -- reason"</c>.</summary>
    public string IgnoreAnnotation { get; init; } = "scaffold.dev/ignore";

    /// <summary>The per-line suppression comment marker: <c># scaffold:ignore SCF001 -- reason</c> (see <see cref="LineSuppression"/>).</summary>
    public string IgnoreComment { get; init; } = "scaffold:ignore";

    /// <summary>Repo-relative path globs whose findings are reported as suppressed.</summary>
    public IReadOnlyList<string> IgnorePaths { get; init; } = [];

    /// <summary>The secret-generator annotation marking a generated Secret.</summary>
    public string SecretGeneratorAnnotation { get; init; } = string.Empty;

    /// <summary>The replicator annotation marking a replica Secret.</summary>
    public string ReplicateFromAnnotation { get; init; } = string.Empty;

    /// <summary>The <c>stringData</c> keys a Secret may hold literally.</summary>
    public IReadOnlyList<string> AllowedStringDataKeys { get; init; } = ["username", "admin-user"];

    /// <summary>The directory holding the Kubernetes manifests; file hygiene applies below it.</summary>
    public string KubernetesPath { get; init; } = "kubernetes/";

    /// <summary>The glob of the directory holding per-cluster files (Namespace labels are checked below it).</summary>
    public string ClustersPathPattern { get; init; } = string.Empty;

    /// <summary>The folder of one cluster, with <c>{cluster}</c> for its name (<c>paths.cluster</c>): Flux's bootstrap deploys it.</summary>
    public string ClusterPath { get; init; } = string.Empty;

    /// <summary>Each known cluster's folder (<see cref="ClusterPath"/> for every <see cref="Clusters"/> name).</summary>
    public IReadOnlyDictionary<string, string> ClusterRoots =>
        ClusterPath.Length == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : Clusters.Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => ClusterPath.Replace("{cluster}", c, StringComparison.Ordinal).Trim('/'), StringComparer.Ordinal);

    /// <summary>
    /// Globs of the variable files other tools write or read too, whose unused entries are no SCF036 note: the cluster
    /// variables Terragrunt generates (<c>paths.clusterVariables</c>, any cluster) and the platform versions the
    /// infrastructure also parses (<c>paths.platformVersions</c>).
    /// </summary>
    public IReadOnlyList<string> SharedVariableFiles { get; init; } = [];

    /// <summary>Folders of CRD files (<c>check.crds</c>, relative to the repository root, or absolute) whose schemas manifests are validated against.</summary>
    public IReadOnlyList<string> CrdDirectories { get; init; } = [];

    /// <summary>The glob of the directories holding self-contained app folders.</summary>
    public string AppsPathPattern { get; init; } = string.Empty;

    /// <summary>The files every self-contained app folder has.</summary>
    public IReadOnlyList<string> RequiredAppFiles { get; init; } =
        ["namespace.yaml", "helmrepository.yaml", "helmrelease.yaml", "kustomization.yaml", "canary.yaml", "prometheus-rules.yaml"];

    /// <summary>The OpenTofu modules directory.</summary>
    public string ModulesPath { get; init; } = string.Empty;

    /// <summary>The name of the Renovate-managed versions files.</summary>
    public string VersionsFileName { get; init; } = "versions.env";

    /// <summary>The kinds whose files carry a <c># yaml-language-server: $schema=</c> header (kustomization files always do).</summary>
    public IReadOnlyList<string> SchemaHeaderKinds { get; init; } = [];

    /// <summary>The folder of the architecture decision records (<c>paths.decisions</c>); SCF033 looks for ADRs there.</summary>
    public string DecisionsPath { get; init; } = string.Empty;

    /// <summary>The stack catalog SCF033 matches charts and images against (built-in plus the repository's <c>evaluate:</c> section).</summary>
    public Evaluation.StackCatalog StackCatalog { get; init; } = Evaluation.RepoStackCatalog.BuiltIn;

    /// <summary>The full profile label name.</summary>
    public string ProfileLabel => LabelPrefix + "/profile";

    /// <summary>The full access label name for <paramref name="access"/>.</summary>
    public string AccessLabel(string access) => "access." + LabelPrefix + "/" + access;
}
