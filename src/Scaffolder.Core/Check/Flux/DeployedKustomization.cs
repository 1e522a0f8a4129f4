namespace Scaffolder.Core.Check.Flux;

/// <summary>A Flux Kustomization as deployed in one cluster: the files it builds and the variables it substitutes.</summary>
public sealed class DeployedKustomization
{
    internal DeployedKustomization(FluxKustomizationFact? fact, string cluster, string path, IReadOnlyList<string> files)
    {
        Fact = fact;
        Cluster = cluster;
        Path = path;
        Files = files;
    }

    /// <summary>The Kustomization; null for the cluster's bootstrap (Flux's own sync of the cluster folder, no substitution).</summary>
    public FluxKustomizationFact? Fact { get; }

    /// <summary>The cluster (empty when the Kustomization is reached from no cluster folder).</summary>
    public string Cluster { get; }

    /// <summary>The resolved repo-relative path it deploys.</summary>
    public string Path { get; }

    /// <summary>The YAML files its build reads, repo-relative.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Whether Flux substitutes variables in its output.</summary>
    public bool Substitutes => Fact?.HasPostBuild == true;

    /// <summary>Its sources in order: inline <c>substitute</c> first, then each <c>substituteFrom</c>.</summary>
    public IReadOnlyList<ResolvedSource> Sources { get; internal set; } = [];

    /// <summary>The variables it substitutes, by name (later sources win, as in Flux).</summary>
    public IReadOnlyDictionary<string, VariableDefinition> Variables { get; internal set; } = new Dictionary<string, VariableDefinition>();

    /// <summary>Whether a source is named but not in the repository: variables not found are unknown, not undefined.</summary>
    public bool HasUnknownSources => Sources.Any(s => s.Missing is not null);

    /// <summary><c>Kustomization 'flux-system/apps'</c> for messages.</summary>
    public string Display => Fact is null ? $"the bootstrap of cluster '{Cluster}'" : $"Kustomization '{Fact.Id}'";
}
