namespace Scaffolder.Core.Check.Rules;

/// <summary>The rules that want an object beside every CNPG Cluster (a Pooler, a ScheduledBackup): one finding per Cluster without it.</summary>
internal static class ClusterCompanionCheck
{
    /// <summary>Reports <paramref name="message"/> (of the cluster's name) at every CNPG Cluster whose name <paramref name="companions"/> lacks.</summary>
    public static void Report(IRepositoryRule rule, RepoFacts facts, FindingSink sink, IReadOnlySet<string> companions, Func<string, string> message)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var cluster in facts.PostgresClusters.Where(c => !companions.Contains(c.Name)))
        {
            var at = cluster.Location;
            sink.Report(rule, at.File, at.Line, at.Column, message(cluster.Name));
        }
    }
}
