using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Conformance;

/// <summary>
/// Structural checks of the kinds with no upstream model on npm (ResourceSet, CNPG, Barman Cloud, Garage, Canary):
/// every such document the tool generates or the sample holds matches its schema in Schemas/, and a wrong field fails.
/// </summary>
public sealed class StructuralSchemaTests
{
    private const string Approved = "tests/Scaffolder.Tests/Snapshots/approved";
    private const string Dedicated = Approved + "/database-dedicated/kubernetes/clusters/live/apps/miniflux";
    private const string Composed = Approved + "/app-composed/kubernetes";

    public static IReadOnlyList<string> TreePaths { get; } = [.. SnapshotTests.Scenarios.Select(s => $"{Approved}/{s.Id}"), "samples/homelab"];

    public static TheoryData<string> Trees => new(TreePaths);

    /// <summary>One wrong field per case: file (relative to the source root), text to replace, replacement, expected problem.</summary>
    public static TheoryData<string, string, string, string, string> WrongFields => new()
    {
        // CNPG Cluster
        { "Cluster: misspelled field", $"{Dedicated}/database-cluster.yaml", "  imageName:", "  image:", "Cluster miniflux-database: spec.image: unknown field" },
        { "Cluster: misspelled nested field", $"{Dedicated}/database-cluster.yaml", "      endpointURL:", "      endpointUrl:", "spec.backup.barmanObjectStore.endpointUrl: unknown field" },
        { "Cluster: int as string", $"{Dedicated}/database-cluster.yaml", "instances: ${default_replica_count}", "instances: \"3\"", "spec.instances: expected an int, got string \"3\"" },
        { "Cluster: placeholder inside an int", $"{Dedicated}/database-cluster.yaml", "instances: ${default_replica_count}", "instances: ${default_replica_count}0", "spec.instances: expected an int, got string ${default_replica_count}0" },
        { "Cluster: bool as string", $"{Dedicated}/database-cluster.yaml", "enablePodMonitor: true", "enablePodMonitor: \"true\"", "spec.monitoring.enablePodMonitor: expected a bool, got string \"true\"" },
        { "Cluster: missing required", $"{Dedicated}/database-cluster.yaml", "  instances: ${default_replica_count}\n", string.Empty, "Cluster miniflux-database: spec.instances: missing required field" },
        { "Cluster: missing required secret key", $"{Dedicated}/database-cluster.yaml", "          key: access-key-id\n", string.Empty, "spec.backup.barmanObjectStore.s3Credentials.accessKeyId.key: missing required field" },
        { "Cluster: bad enum", $"{Dedicated}/database-cluster.yaml", "compression: gzip", "compression: gz", "spec.backup.barmanObjectStore.wal.compression: expected one of bzip2|gzip|lz4|snappy|xz|zstd, got \"gz\"" },
        { "Cluster patch: bad enum in a role", $"{Composed}/clusters/live/config/database/cluster-roles-patch.yaml", "ensure: present", "ensure: exists", "spec.managed.roles[0].ensure: expected one of present|absent, got \"exists\"" },
        { "Cluster patch: misspelled role field", $"{Composed}/clusters/live/config/database/cluster-roles-patch.yaml", "        login: true", "        canLogin: true", "spec.managed.roles[0].canLogin: unknown field" },
        { "Cluster: annotation not a string", $"{Dedicated}/database-cluster.yaml", "replication-allowed: \"true\"", "replication-allowed: true", "spec.inheritedMetadata.annotations.replicator.v1.mittwald.de/replication-allowed: expected a string, got bool true" },

        // CNPG Pooler
        { "Pooler: misspelled field", $"{Dedicated}/database-pooler.yaml", "poolMode:", "pool_mode:", "Pooler miniflux-database-pooler-rw: spec.pgbouncer.pool_mode: unknown field" },
        { "Pooler: wrong type", $"{Dedicated}/database-pooler.yaml", "instances: ${default_replica_count}", "instances: two", "spec.instances: expected an int, got string two" },
        { "Pooler: missing required", $"{Dedicated}/database-pooler.yaml", "  cluster:\n    name: miniflux-database\n", string.Empty, "spec.cluster: missing required field" },
        { "Pooler: bad enum", $"{Dedicated}/database-pooler.yaml", "type: rw", "type: readwrite", "spec.type: expected one of rw|ro|r, got \"readwrite\"" },
        { "Pooler: bad pool mode", $"{Dedicated}/database-pooler.yaml", "poolMode: transaction", "poolMode: statement", "spec.pgbouncer.poolMode: expected one of session|transaction, got \"statement\"" },

        // CNPG ScheduledBackup
        { "ScheduledBackup: misspelled field", $"{Dedicated}/database-scheduled-backup.yaml", "immediate:", "immediately:", "ScheduledBackup miniflux-database-daily: spec.immediately: unknown field" },
        { "ScheduledBackup: wrong type", $"{Dedicated}/database-scheduled-backup.yaml", "immediate: true", "immediate: 1", "spec.immediate: expected a bool, got int 1" },
        { "ScheduledBackup: missing required", $"{Dedicated}/database-scheduled-backup.yaml", "  schedule: \"0 0 3 * * *\"\n", string.Empty, "spec.schedule: missing required field" },
        { "ScheduledBackup: bad enum", $"{Dedicated}/database-scheduled-backup.yaml", "backupOwnerReference: self", "backupOwnerReference: owner", "spec.backupOwnerReference: expected one of none|self|cluster, got \"owner\"" },

        // CNPG Database
        { "Database: misspelled field", $"{Composed}/clusters/live/config/database/databases.yaml", "  owner: wiki", "  owners: wiki", "Database wiki-database: spec.owners: unknown field" },
        { "Database: wrong type", $"{Composed}/clusters/live/config/database/databases.yaml", "    name: platform", "    name: [platform]", "spec.cluster.name: expected a string, got a list" },
        { "Database: missing required", $"{Composed}/clusters/live/config/database/databases.yaml", "  name: wiki\n", string.Empty, "Database wiki-database: spec.name: missing required field" },
        { "Database: bad enum", $"{Composed}/clusters/live/config/database/databases.yaml", "databaseReclaimPolicy: retain", "databaseReclaimPolicy: Retain", "spec.databaseReclaimPolicy: expected one of delete|retain, got \"Retain\"" },

        // flux-operator ResourceSet
        { "ResourceSet: misspelled field", "samples/homelab/kubernetes/clusters/live/apps/apps-resourceset.yaml", "  resourcesTemplate:", "  resourceTemplate:", "ResourceSet apps: spec.resourceTemplate: unknown field" },
        { "ResourceSet: wrong type", "samples/homelab/kubernetes/clusters/live/apps/apps-resourceset.yaml", "  inputs:\n", "  inputs: miniflux\n  x:\n", "spec.inputs: expected a list, got string miniflux" },
        { "ResourceSet: inputs not objects", "samples/homelab/kubernetes/clusters/live/apps/apps-resourceset.yaml", "    - name: miniflux", "    - miniflux\n    - name: miniflux", "spec.inputs[0]: expected an object, got string miniflux" },
        { "ResourceSet: missing required", "samples/homelab/kubernetes/clusters/live/apps/apps-resourceset.yaml", "spec:\n", "spec:\n  dependsOn:\n    - name: infra\n", "spec.dependsOn[0].kind: missing required field" },
        { "ResourceSet: bad enum", "samples/homelab/kubernetes/clusters/live/apps/apps-resourceset.yaml", "spec:\n", "spec:\n  inputStrategy:\n    name: Cartesian\n", "spec.inputStrategy.name: expected one of Flatten|Permute, got \"Cartesian\"" },

        // canary-checker Canary
        { "Canary: misspelled field", "samples/homelab/kubernetes/clusters/live/apps/miniflux/canary.yaml", "thresholdMillis:", "thresholdMs:", "Canary http-check-miniflux: spec.http[0].thresholdMs: unknown field" },
        { "Canary: wrong type", "samples/homelab/kubernetes/clusters/live/apps/miniflux/canary.yaml", "responseCodes: [200]", "responseCodes: [\"200\"]", "spec.http[0].responseCodes[0]: expected an int, got string \"200\"" },
        { "Canary: int as string", "samples/homelab/kubernetes/clusters/live/apps/miniflux/canary.yaml", "maxSSLExpiry: 7", "maxSSLExpiry: 7d", "spec.http[0].maxSSLExpiry: expected an int, got string 7d" },
        { "Canary: missing required", "samples/homelab/kubernetes/clusters/live/apps/miniflux/canary.yaml", "    - name: miniflux-health\n      url:", "    - url:", "spec.http[0].name: missing required field" },

        // Garage
        { "GarageBucket: misspelled field", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "  clusterRef:", "  cluster:", "GarageBucket wiki: spec.cluster: unknown field" },
        { "GarageBucket: wrong type", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "    name: garage", "    name:\n      garage: true", "spec.clusterRef.name: expected a string, got an object" },
        { "GarageBucket: missing required", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "  clusterRef:\n    name: garage\n", "  quotas:\n    maxSize: 1Gi\n", "GarageBucket wiki: spec.clusterRef: missing required field" },
        { "GarageKey: misspelled field", $"{Composed}/clusters/live/apps/wiki/wiki-garage-key.yaml", "neverExpires:", "neverExpire:", "GarageKey wiki: spec.neverExpire: unknown field" },
        { "GarageKey: wrong type", $"{Composed}/clusters/live/apps/wiki/wiki-garage-key.yaml", "      write: true", "      write: \"yes\"", "spec.bucketPermissions[0].write: expected a bool, got string \"yes\"" },
        { "GarageKey: missing required", $"{Composed}/clusters/live/apps/wiki/wiki-garage-key.yaml", "    - bucketRef:\n        name: wiki\n        namespace: garage\n      read: true", "    - read: true", "spec.bucketPermissions[0].bucketRef: missing required field" },
        { "GarageReferenceGrant: misspelled field", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "  from:", "  form:", "GarageReferenceGrant allow-wiki: spec.form: unknown field" },
        { "GarageReferenceGrant: wrong type", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "  from:\n    - kind: GarageKey\n      namespace: wiki", "  from:\n    kind: GarageKey\n    namespace: wiki", "spec.from: expected a list, got an object" },
        { "GarageReferenceGrant: missing required", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "      namespace: wiki\n", string.Empty, "spec.from[0].namespace: missing required field" },
        { "GarageReferenceGrant: bad enum", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "kind: GarageKey", "kind: Secret", "spec.from[0].kind: expected one of GarageKey, got \"Secret\"" },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Every_document_of_these_kinds_matches_its_schema(string tree)
    {
        var (documents, problems) = ValidateTree(Path.Combine(TestRepo.SourceRoot, tree));
        problems.ShouldBeEmpty(string.Join('\n', problems));
        _ = documents;
    }

    [Fact]
    public void Every_kind_with_a_schema_is_checked_somewhere()
    {
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in TreePaths)
        {
            checkedKinds.UnionWith(ValidateTree(Path.Combine(TestRepo.SourceRoot, tree)).Documents);
        }

        checkedKinds.UnionWith(ValidatePluginDatabase().Documents);
        var kinds = StructuralValidator.Default.Kinds.Select(k => $"{k.ApiVersion} {k.Kind}").Order(StringComparer.Ordinal).ToList();
        kinds.Count.ShouldBe(10);
        kinds.Except(checkedKinds).ShouldBeEmpty("kinds with a schema that no generated or sample document exercises");
    }

    [Fact]
    public void Dedicated_database_with_the_barman_cloud_plugin_matches_the_schemas()
    {
        var (documents, problems) = ValidatePluginDatabase();
        problems.ShouldBeEmpty(string.Join('\n', problems));
        documents.ShouldContain("barmancloud.cnpg.io/v1 ObjectStore");
        documents.ShouldContain("postgresql.cnpg.io/v1 Cluster");
        documents.ShouldContain("postgresql.cnpg.io/v1 ScheduledBackup");
    }

    [Theory]
    [MemberData(nameof(WrongFields))]
    public void A_wrong_field_fails_naming_file_kind_and_path(string what, string file, string find, string replace, string expected)
    {
        var original = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
        StructuralValidator.Default.Validate(file, original).Problems.ShouldBeEmpty($"{what}: the base file must be valid");
        original.ShouldContain(find, Case.Sensitive, what);

        var broken = ReplaceFirst(original, find, replace);
        var problems = StructuralValidator.Default.Validate(file, broken).Problems;

        problems.ShouldNotBeEmpty(what);
        problems.ShouldContain(p => p.StartsWith(file + ": ", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal), $"{what}: got\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void A_kind_of_a_checked_group_without_a_schema_fails()
    {
        var problems = StructuralValidator.Default.Validate("x/backup.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Backup\nmetadata:\n  name: once\nspec:\n  cluster:\n    name: platform\n").Problems;
        problems.ShouldBe(["x/backup.yaml: Backup once: (document): no structural schema for postgresql.cnpg.io/v1 Backup in Conformance/Schemas"]);
    }

    [Fact]
    public void Whole_value_placeholders_are_accepted_in_typed_fields()
    {
        const string Doc = "apiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata:\n  name: p\nspec:\n  cluster:\n    name: c\n  instances: ${replicas:=2}\n  type: ${pooler_type}\n  pgbouncer:\n    paused: ${paused}\n";
        StructuralValidator.Default.Validate("p.yaml", Doc).Problems.ShouldBeEmpty();
        StructuralValidator.Default.Validate("p.yaml", Doc.Replace("${replicas:=2}", "\"${replicas}\"", StringComparison.Ordinal)).Problems
            .ShouldBe(["p.yaml: Pooler p: spec.instances: expected an int, got string \"${replicas}\""]);
    }

    [Fact]
    public void Required_fields_are_not_enforced_in_kustomize_patches_but_names_and_types_are()
    {
        const string Patch = "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: platform\nspec:\n  instances: \"1\"\n";
        StructuralValidator.Default.Validate("recovery-patch.yaml", Patch).Problems
            .ShouldBe(["recovery-patch.yaml: Cluster platform: spec.instances: expected an int, got string \"1\""]);
        StructuralValidator.Default.Validate("cluster.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: platform\nspec: {}\n").Problems
            .ShouldBe(["cluster.yaml: Cluster platform: spec.instances: missing required field"]);
    }

    private static (List<string> Documents, List<string> Problems) ValidateTree(string root)
    {
        var documents = new List<string>();
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(TestRepo.SourceRoot, path).Replace('\\', '/');
            var result = StructuralValidator.Default.Validate(relative, File.ReadAllText(path));
            documents.AddRange(result.Documents);
            problems.AddRange(result.Problems);
        }

        return (documents, problems);
    }

    private static (List<string> Documents, List<string> Problems) ValidatePluginDatabase()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "database:\n  backupMethod: plugin\n");
        var before = TestRepo.SnapshotOf(repo.Root);
        var run = repo.Run("new", "database", "miniflux", "--app", "miniflux", "--mode", "dedicated");
        run.ExitCode.ShouldBe(0, run.Error);
        var documents = new List<string>();
        var problems = new List<string>();
        foreach (var (path, bytes) in TestRepo.SnapshotOf(repo.Root).Where(p => p.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            if (!before.TryGetValue(path, out var old) || !old.AsSpan().SequenceEqual(bytes))
            {
                var result = StructuralValidator.Default.Validate(path, System.Text.Encoding.UTF8.GetString(bytes));
                documents.AddRange(result.Documents);
                problems.AddRange(result.Problems);
            }
        }

        return (documents, problems);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
