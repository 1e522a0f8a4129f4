using Scaffolder.Core.Check.Flux;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF036: per cluster, a <c>${var}</c> without a default in a file that a Flux Kustomization substitutes, which none of
/// that Kustomization's sources defines (<c>postBuild.substitute</c>, then each <c>substituteFrom</c> ConfigMap or
/// Secret, resolved to the env files, literals or manifests that make it). Flux fails the whole Kustomization on it.
/// </summary>
/// <remarks>
/// Documents with <c>kustomize.toolkit.fluxcd.io/substitute: disabled</c> and <c>$${var}</c> escapes are left out. A
/// source the chain names that the repository does not hold (a cluster-variables file Terragrunt generates) makes the
/// variables it could define unknown, not undefined: one note per cluster, no finding per use. A variable that a source
/// defines and no file of any Kustomization reading it uses is a note at its definition, except in files other tools
/// share (<see cref="CheckConventions.SharedVariableFiles"/>: the generated cluster variables, the platform versions).
/// </remarks>
public sealed class SubstitutionRule(CheckConventions conventions) : IRepositoryRule
{
    private readonly PathGlob[] generatedFiles = conventions.SharedVariableFiles.Select(p => new PathGlob(p)).ToArray();

    /// <inheritdoc />
    public string Id => "SCF036";

    /// <inheritdoc />
    public string Title => "Unresolved substitution variable";

    /// <inheritdoc />
    public string Principle => "Repo model: every ${var} resolves from the ConfigMaps its Kustomization substitutes, or has :-default (STACK §0, §8 #8)";

    /// <inheritdoc />
    public string Rationale => "Flux stops the whole Kustomization on a variable it cannot substitute, so one typo in a variable name holds back every object of the folder; a variable nobody uses is a stale definition.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Define the variable in a source the Kustomization's postBuild.substituteFrom lists (an env file of its ConfigMap generator), fix its name, or give it a default: ${name:-value}.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        var model = facts.Flux;
        var uses = facts.YamlFiles.Where(f => f.Uses.Count > 0).ToDictionary(f => f.File, f => f.Uses, StringComparer.Ordinal);
        var undefined = new Dictionary<(string File, int Line, int Column, string Name), (DeployedKustomization First, SortedSet<string> Clusters)>();
        var unknownByCluster = new SortedDictionary<string, (DeployedKustomization First, SortedSet<string> Missing)>(StringComparer.Ordinal);
        var offered = new Dictionary<SourceLocation, VariableDefinition>();
        var used = new HashSet<SourceLocation>();
        var lookups = new Dictionary<IReadOnlyList<ResolvedSource>, ILookup<string, VariableDefinition>>(ReferenceEqualityComparer.Instance);
        foreach (var deployment in model.Deployments)
        {
            if (!deployment.Substitutes || deployment.Files.Count == 0)
            {
                continue;
            }

            // Kustomizations of one ResourceSet share one source list: index it once.
            if (!lookups.TryGetValue(deployment.Sources, out var byName))
            {
                foreach (var definition in deployment.Sources.SelectMany(s => s.Variables))
                {
                    offered.TryAdd(definition.Location, definition);
                }

                lookups[deployment.Sources] = byName = deployment.Sources.SelectMany(s => s.Variables).ToLookup(v => v.Name, StringComparer.Ordinal);
            }

            foreach (var file in deployment.Files)
            {
                foreach (var use in uses.GetValueOrDefault(file) ?? [])
                {
                    foreach (var definition in byName[use.Name])
                    {
                        used.Add(definition.Location);
                    }

                    if (use.HasDefault || deployment.Variables.ContainsKey(use.Name))
                    {
                        continue;
                    }

                    if (deployment.HasUnknownSources)
                    {
                        // The note names sources the repository declares but cannot fill (a generator's env file that
                        // Terragrunt writes); a repository with no trace of a source keeps its Flux bootstrap elsewhere.
                        var declared = deployment.Sources.Where(s => s.Declared).Select(s => s.Missing).OfType<string>().ToList();
                        if (declared.Count > 0)
                        {
                            if (!unknownByCluster.TryGetValue(deployment.Cluster, out var unknown))
                            {
                                unknownByCluster[deployment.Cluster] = unknown = (deployment, new SortedSet<string>(StringComparer.Ordinal));
                            }

                            unknown.Missing.UnionWith(declared);
                        }

                        continue;
                    }

                    var key = (file, use.Line, use.Column, use.Name);
                    if (!undefined.TryGetValue(key, out var entry))
                    {
                        undefined[key] = entry = (deployment, new SortedSet<string>(StringComparer.Ordinal));
                    }

                    entry.Clusters.Add(deployment.Cluster);
                }
            }
        }

        foreach (var ((file, line, column, name), (first, clusters)) in undefined)
        {
            sink.Report(this, file, line, column, UndefinedMessage(name, first, clusters));
        }

        foreach (var (cluster, (first, missing)) in unknownByCluster)
        {
            var location = first.Fact!.Location;
            sink.Report(
                this,
                location.File,
                location.Line,
                location.Column,
                $"Variables {InCluster(cluster)}that no source defines are unknown, not undefined: {string.Join("; ", missing)}.",
                Severity.Note);
        }

        foreach (var (location, definition) in offered)
        {
            if (!used.Contains(location) && !generatedFiles.Any(g => g.IsMatch(location.File)))
            {
                sink.Report(
                    this,
                    location.File,
                    location.Line,
                    location.Column,
                    $"Variable '{definition.Name}' is defined, but no file of a Kustomization that substitutes it uses it.",
                    Severity.Note);
            }
        }
    }

    private static string InCluster(string cluster) => cluster.Length == 0 ? string.Empty : $"of cluster '{cluster}' ";

    private static string UndefinedMessage(string name, DeployedKustomization deployment, SortedSet<string> clusters)
    {
        var searched = deployment.Sources.Count == 0 ? "no sources" : string.Join(", ", deployment.Sources.Select(s => s.Description));
        var where = clusters.Count == 1 && clusters.Min!.Length == 0 ? string.Empty : $" (cluster {string.Join(", ", clusters.Select(c => $"'{c}'"))})";
        var suggestion = Closest(name, deployment.Variables.Keys) is { } closest ? $"; the closest defined name is '{closest}'." : ".";
        return $"Variable '{name}' is not defined for {deployment.Display}{where}: searched {searched}{suggestion}";
    }

    /// <summary>The defined name closest to <paramref name="name"/> by edit distance, when close enough to be a typo.</summary>
    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
