using Scaffolder.Core.Check.Rules;

namespace Scaffolder.Core.Check;

/// <summary>The built-in rule set.</summary>
public static class BuiltInRules
{
    /// <summary>Creates every built-in rule for <paramref name="conventions"/>, ordered by id.</summary>
    public static IReadOnlyList<ICheckRule> Create(CheckConventions conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return
        [
            new MonitoringRule(),
            new LiteralSecretRule(conventions),
            new SopsRule(),
            new CredentialPatternRule(),
            new HostPathRule(),
            new EmptyDirPersistenceRule(),
            new PrivilegedRule(),
            new ContainerSecurityRule(),
            new StorageClassRule(conventions),
            new PostgresBackupRule(conventions),
            new ScheduledBackupRule(),
            new SingleInstanceRule(conventions),
            new PoolerRule(),
            new PostgresSpecRule(conventions),
            new LatestTagRule(),
            new RenovateTagRule(),
            new VersionsEnvRule(conventions),
            new NamespaceLabelsRule(conventions),
            new ExternalSecretRule(conventions),
            new RouteGatewayRule(conventions),
            new HomepageRule(conventions),
            new PrometheusRuleRule(conventions),
            new AppFolderRule(conventions),
            new AccessLabelRule(conventions),
            new KustomizationRule(),
            new TofuTestsRule(),
            new TofuDescriptionRule(),
            new FileNameRule(conventions),
            new DocumentStartRule(conventions),
            new SchemaHeaderRule(conventions),
            new YamlSyntaxRule(),
            new IgnoreReasonRule(conventions),
            new TechnologyOverlapRule(conventions),
            new SkippedPathRule(),
            new OciHelmPinRule(conventions),
            new SubstitutionRule(conventions),
            new CrdSchemaRule(),
            new InTreeBackupRule(conventions),
        ];
    }
}
