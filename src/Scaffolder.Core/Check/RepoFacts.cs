namespace Scaffolder.Core.Check;

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
