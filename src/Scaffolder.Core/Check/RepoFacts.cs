namespace Scaffolder.Core.Check;

/// <summary>A location in the repo.</summary>
/// <param name="File">The repo-relative path.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column);

/// <summary>A workload (HelmRelease, Deployment, StatefulSet, DaemonSet) and the unit (app folder or directory) it belongs to.</summary>
public sealed record WorkloadFact(string Unit, string Kind, string Name, bool HasMonitor, SourceLocation Location);

/// <summary>A Namespace object and its labels.</summary>
public sealed record NamespaceFact(string Name, IReadOnlySet<string> Labels, SourceLocation Location);

/// <summary>A replica Secret: its namespace and its <c>replicate-from</c> source (<c>ns/name</c>).</summary>
public sealed record ReplicaFact(string Namespace, string Source, SourceLocation Location);

/// <summary>A Flux Kustomization's <c>spec.path</c> (repo-relative, no <c>./</c>) and the <c>targetNamespace</c> it gives objects without one.</summary>
public sealed record FluxTargetFact(string Path, string TargetNamespace);

/// <summary>A GarageKey and its namespace.</summary>
public sealed record GarageKeyFact(string Namespace, string Name, SourceLocation Location);

/// <summary>A CNPG Cluster.</summary>
public sealed record PostgresClusterFact(string Name, SourceLocation Location);

/// <summary>An app registry input of a ResourceSet (<c>name</c> and <c>path</c>).</summary>
public sealed record RegistryInputFact(string Name, string Path, SourceLocation Location);

/// <summary>A route (HTTPRoute or app-template <c>route</c> entry) and how many homepage annotations it carries.</summary>
public sealed record RouteFact(string Unit, int HomepageAnnotations, SourceLocation Location);

/// <summary>A file of an app folder and whether it declares a HelmRelease or Namespace.</summary>
public sealed record AppFileFact(string Folder, string FileName, bool IsAppManifest, SourceLocation Location);

/// <summary>A <c>.tf</c> file of an OpenTofu module.</summary>
public sealed record TofuFileFact(string Module, SourceLocation Location);

/// <summary>A unit (app folder or directory) that has a metrics scrape object (ServiceMonitor, PodMonitor).</summary>
public sealed record MonitorFact(string Unit);

/// <summary>A unit (app folder or directory) that has a PrometheusRule.</summary>
public sealed record AlertRuleFact(string Unit);

/// <summary>A ScheduledBackup of a CNPG cluster with <c>backupOwnerReference: self</c>.</summary>
public sealed record ScheduledBackupFact(string Cluster);

/// <summary>A Pooler of a CNPG cluster.</summary>
public sealed record PoolerFact(string Cluster);

/// <summary>A GarageReferenceGrant in the Garage namespace.</summary>
public sealed record ReferenceGrantFact(string Name);

/// <summary>An OpenTofu module with a <c>tests/*.tftest.hcl</c> file.</summary>
public sealed record TofuTestFact(string Module);

/// <summary>Where a technology name comes from (SCF033).</summary>
public enum TechnologySource
{
    /// <summary>A chart: a HelmRelease's <c>spec.chart.spec.chart</c> or the last segment of an OCIRepository URL.</summary>
    Chart,

    /// <summary>An app-template container image repository.</summary>
    Image,
}

/// <summary>A chart or image name a manifest deploys, and the object (<c>HelmRelease 'x'</c>) that deploys it.</summary>
public sealed record TechnologyFact(string Subject, string Name, TechnologySource Source, SourceLocation Location);

/// <summary>
/// The small cross-file facts gathered while the files were read, in file order. Whole documents are not
/// kept, so memory stays bounded by the number of relevant objects, not by repo size.
/// </summary>
public sealed class RepoFacts
{
    /// <summary>Creates an empty fact set for <paramref name="conventions"/>.</summary>
    public RepoFacts(CheckConventions conventions) => Conventions = conventions;

    /// <summary>The conventions of the run.</summary>
    public CheckConventions Conventions { get; }

    /// <summary>The repository being checked (root and file system), for rules that read files outside the checked paths; null in unit tests.</summary>
    public RepoContext? Repo { get; init; }

    /// <summary>Charts and images deployed, in file order.</summary>
    public List<TechnologyFact> Technologies { get; } = [];

    /// <summary>Workloads in file order.</summary>
    public List<WorkloadFact> Workloads { get; } = [];

    /// <summary>Units with a ServiceMonitor or PodMonitor object.</summary>
    public HashSet<string> MonitoredUnits { get; } = new(StringComparer.Ordinal);

    /// <summary>Units with a PrometheusRule.</summary>
    public HashSet<string> AlertedUnits { get; } = new(StringComparer.Ordinal);

    /// <summary>Namespace objects in file order.</summary>
    public List<NamespaceFact> Namespaces { get; } = [];

    /// <summary>Replica Secrets in file order.</summary>
    public List<ReplicaFact> Replicas { get; } = [];

    /// <summary>Flux Kustomizations that set a <c>targetNamespace</c>, in file order.</summary>
    public List<FluxTargetFact> FluxTargets { get; } = [];

    /// <summary>GarageKeys in file order.</summary>
    public List<GarageKeyFact> GarageKeys { get; } = [];

    /// <summary>Names of GarageReferenceGrants in the Garage namespace.</summary>
    public HashSet<string> ReferenceGrants { get; } = new(StringComparer.Ordinal);

    /// <summary>CNPG Clusters in file order.</summary>
    public List<PostgresClusterFact> PostgresClusters { get; } = [];

    /// <summary>Cluster names with a ScheduledBackup owned by itself.</summary>
    public HashSet<string> ScheduledBackups { get; } = new(StringComparer.Ordinal);

    /// <summary>Cluster names with a Pooler.</summary>
    public HashSet<string> Poolers { get; } = new(StringComparer.Ordinal);

    /// <summary>App registry inputs in file order.</summary>
    public List<RegistryInputFact> RegistryInputs { get; } = [];

    /// <summary>Routes in file order.</summary>
    public List<RouteFact> Routes { get; } = [];

    /// <summary>App folders in the order of their first file, each summarized (not one entry per file).</summary>
    public List<AppFolderSummary> AppFolders { get; } = [];

    /// <summary>OpenTofu module files in file order.</summary>
    public List<TofuFileFact> TofuFiles { get; } = [];

    private readonly Dictionary<string, AppFolderSummary> appFolderIndex = new(StringComparer.Ordinal);

    /// <summary>OpenTofu modules with tests.</summary>
    public HashSet<string> TestedModules { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds the facts of one file, keeping file order.</summary>
    public void Add(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case WorkloadFact f: Workloads.Add(f); break;
                case MonitorFact f: MonitoredUnits.Add(f.Unit); break;
                case AlertRuleFact f: AlertedUnits.Add(f.Unit); break;
                case NamespaceFact f: Namespaces.Add(f); break;
                case ReplicaFact f: Replicas.Add(f); break;
                case GarageKeyFact f: GarageKeys.Add(f); break;
                case FluxTargetFact f: FluxTargets.Add(f); break;
                case ReferenceGrantFact f: ReferenceGrants.Add(f.Name); break;
                case PostgresClusterFact f: PostgresClusters.Add(f); break;
                case ScheduledBackupFact f: ScheduledBackups.Add(f.Cluster); break;
                case PoolerFact f: Poolers.Add(f.Cluster); break;
                case RegistryInputFact f: RegistryInputs.Add(f); break;
                case RouteFact f: Routes.Add(f); break;
                case AppFileFact f: AddAppFile(f); break;
                case TofuFileFact f: TofuFiles.Add(f); break;
                case TofuTestFact f: TestedModules.Add(f.Module); break;
                case TechnologyFact f: Technologies.Add(f); break;
                default: throw new ArgumentException($"Unknown fact {fact.GetType().Name}.", nameof(facts));
            }
        }
    }

    /// <summary>
    /// Gives the objects gathered without <c>metadata.namespace</c> (an empty namespace) the <c>targetNamespace</c> of the
    /// Flux Kustomization whose path holds their file (the deepest one), as Flux does. Called once, after every file.
    /// </summary>
    public void ResolveNamespaces()
    {
        if (FluxTargets.Count == 0)
        {
            return;
        }

        for (var i = 0; i < GarageKeys.Count; i++)
        {
            if (GarageKeys[i].Namespace.Length == 0 && TargetNamespaceOf(GarageKeys[i].Location.File) is { } ns)
            {
                GarageKeys[i] = GarageKeys[i] with { Namespace = ns };
            }
        }

        for (var i = 0; i < Replicas.Count; i++)
        {
            if (Replicas[i].Namespace.Length == 0 && TargetNamespaceOf(Replicas[i].Location.File) is { } ns)
            {
                Replicas[i] = Replicas[i] with { Namespace = ns };
            }
        }
    }

    /// <summary>The <c>targetNamespace</c> of the deepest Flux Kustomization path holding <paramref name="file"/>, or null.</summary>
    public string? TargetNamespaceOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        FluxTargetFact? best = null;
        foreach (var target in FluxTargets)
        {
            if (file.StartsWith(target.Path + "/", StringComparison.Ordinal) && (best is null || target.Path.Length > best.Path.Length))
            {
                best = target;
            }
        }

        return best?.TargetNamespace;
    }

    private void AddAppFile(AppFileFact file)
    {
        if (!appFolderIndex.TryGetValue(file.Folder, out var folder))
        {
            folder = new AppFolderSummary(file.Folder, file.Location);
            appFolderIndex.Add(file.Folder, folder);
            AppFolders.Add(folder);
        }

        folder.HasAppManifest |= file.IsAppManifest;
        if (Conventions.RequiredAppFiles.Contains(file.FileName))
        {
            folder.RequiredFilesPresent.Add(file.FileName);
        }

        if (file.FileName == "kustomization.yaml")
        {
            folder.KustomizationLocation ??= file.Location;
        }
    }
}

/// <summary>
/// What the app-folder rule needs of one app folder, folded from its <see cref="AppFileFact"/>s so memory grows with
/// the number of folders, not files.
/// </summary>
public sealed class AppFolderSummary
{
    /// <summary>Creates the summary of a folder from its first file.</summary>
    public AppFolderSummary(string folder, SourceLocation firstFile)
    {
        Folder = folder;
        FirstFile = firstFile;
    }

    /// <summary>The app folder (repo-relative, trailing slash).</summary>
    public string Folder { get; }

    /// <summary>Where the first file of the folder (in file order) starts.</summary>
    public SourceLocation FirstFile { get; }

    /// <summary>Where the first <c>kustomization.yaml</c> of the folder starts, if any.</summary>
    public SourceLocation? KustomizationLocation { get; set; }

    /// <summary>Whether any file of the folder declares a HelmRelease or Namespace.</summary>
    public bool HasAppManifest { get; set; }

    /// <summary>The names of the required app files present.</summary>
    public HashSet<string> RequiredFilesPresent { get; } = new(StringComparer.Ordinal);
}
