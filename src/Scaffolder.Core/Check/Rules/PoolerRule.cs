namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF013: a CNPG Cluster without a Pooler.</summary>
public sealed class PoolerRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF013";

    /// <inheritdoc />
    public string Title => "Database without connection pooling";

    /// <inheritdoc />
    public string Principle => "New Database: connection pooling via PgBouncer (CNPG-managed)";

    /// <inheritdoc />
    public string Rationale => "Apps connecting directly exhaust Postgres connections and break on failover; a CNPG Pooler absorbs both.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Add a Pooler '<cluster>-pooler-rw' (type rw, pgbouncer poolMode transaction, enablePodMonitor: true); `scaffold new database <name> --app <app>` uses the shared pooled cluster.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ClusterCompanionCheck.Report(this, facts, sink, facts.Poolers, name => $"No Pooler targets CNPG Cluster '{name}'.");
    }
}
