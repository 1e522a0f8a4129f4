using System.Diagnostics;
using Scaffolder.Cli;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Conformance;

/// <summary>
/// The kinds with no upstream model on npm (ResourceSet, CNPG, Barman Cloud, Garage, Canary), validated against the
/// verbatim upstream CRDs in <c>../shared/crds</c> by tests/conformance/validate-manifests.mjs (ajv, strict as
/// kubeconform -strict): every document the tool generates matches, and a wrong field fails naming file, kind and path.
/// The validator is node code independent of the tool; the test project's build runs <c>npm ci</c> for it.
/// </summary>
public sealed class CrdSchemaTests
{
    private const string Approved = "tests/Scaffolder.Tests/Snapshots/approved";
    private const string Dedicated = Approved + "/database-dedicated/kubernetes/clusters/live/apps/miniflux";
    private const string Composed = Approved + "/app-composed/kubernetes";
    private const string Sample = "samples/homelab/kubernetes/clusters/live/apps";
    private static readonly string ConformanceDir = Path.Combine(TestRepo.SourceRoot, "tests", "conformance");

    /// <summary>The CRD kinds of shared/crds; each must be validated somewhere below.</summary>
    private static readonly string[] CrdKinds =
    [
        "barmancloud.cnpg.io/v1 ObjectStore",
        "canaries.flanksource.com/v1 Canary",
        "fluxcd.controlplane.io/v1 ResourceSet",
        "garage.rajsingh.info/v1beta1 GarageBucket",
        "garage.rajsingh.info/v1beta1 GarageKey",
        "garage.rajsingh.info/v1beta1 GarageReferenceGrant",
        "postgresql.cnpg.io/v1 Cluster",
        "postgresql.cnpg.io/v1 Database",
        "postgresql.cnpg.io/v1 Pooler",
        "postgresql.cnpg.io/v1 ScheduledBackup",
    ];

    /// <summary>One wrong field per case: file (relative to the source root), text to replace, replacement, expected problem.</summary>
    public static TheoryData<string, string, string, string, string> WrongFields => new()
    {
        // CNPG Cluster
        { "Cluster: misspelled field", $"{Dedicated}/database-cluster.yaml", "  imageName:", "  image:", "Cluster miniflux-database: spec.image: unknown field spec.image" },
        { "Cluster: misspelled nested field", $"{Dedicated}/database-cluster.yaml", "    topologyKey:", "    topologyKeys:", "spec.affinity.topologyKeys: unknown field" },
        { "ObjectStore: misspelled nested field", $"{Dedicated}/database-object-store.yaml", "    endpointURL:", "    endpointUrl:", "spec.configuration.endpointUrl: unknown field" },
        { "Cluster: int as string", $"{Dedicated}/database-cluster.yaml", "instances: ${default_replica_count}", "instances: \"3\"", "spec.instances: must be integer" },
        { "Cluster: placeholder inside an int", $"{Dedicated}/database-cluster.yaml", "instances: ${default_replica_count}", "instances: ${default_replica_count}0", "spec.instances: must be integer" },
        { "Cluster: bool as string", $"{Dedicated}/database-cluster.yaml", "enablePodMonitor: true", "enablePodMonitor: \"true\"", "spec.monitoring.enablePodMonitor: must be boolean" },
        { "Cluster: missing required", $"{Dedicated}/database-cluster.yaml", "  instances: ${default_replica_count}\n", string.Empty, "Cluster miniflux-database: spec: must have required property 'instances'" },
        { "ObjectStore: missing required secret key", $"{Dedicated}/database-object-store.yaml", "        key: access-key-id\n", string.Empty, "spec.configuration.s3Credentials.accessKeyId: must have required property 'key'" },
        { "ObjectStore: bad enum", $"{Dedicated}/database-object-store.yaml", "compression: gzip", "compression: gz", "spec.configuration.wal.compression: must be equal to one of the allowed values" },
        { "Cluster patch: bad enum in a role", $"{Composed}/clusters/live/config/database/cluster-roles-patch.yaml", "ensure: present", "ensure: exists", "spec.managed.roles[0].ensure: must be equal to one of the allowed values" },
        { "Cluster patch: misspelled role field", $"{Composed}/clusters/live/config/database/cluster-roles-patch.yaml", "        login: true", "        canLogin: true", "spec.managed.roles[0].canLogin: unknown field" },
        { "Cluster: annotation not a string", $"{Dedicated}/database-cluster.yaml", "replication-allowed: \"true\"", "replication-allowed: true", "spec.inheritedMetadata.annotations[\"replicator.v1.mittwald.de/replication-allowed\"]: must be string" },
        { "Cluster: unknown metadata field", $"{Dedicated}/database-cluster.yaml", "  namespace: database\n", "  namespace: database\n  label:\n    a: b\n", "Cluster miniflux-database: metadata.label: unknown field metadata.label" },

        // CNPG Pooler
        { "Pooler: misspelled field", $"{Dedicated}/database-pooler.yaml", "poolMode:", "pool_mode:", "Pooler miniflux-database-pooler-rw: spec.pgbouncer.pool_mode: unknown field" },
        { "Pooler: wrong type", $"{Dedicated}/database-pooler.yaml", "instances: ${default_replica_count}", "instances: two", "spec.instances: must be integer" },
        { "Pooler: missing required", $"{Dedicated}/database-pooler.yaml", "  cluster:\n    name: miniflux-database\n", string.Empty, "spec: must have required property 'cluster'" },
        { "Pooler: bad enum", $"{Dedicated}/database-pooler.yaml", "type: rw", "type: readwrite", "spec.type: must be equal to one of the allowed values" },
        { "Pooler: bad pool mode", $"{Dedicated}/database-pooler.yaml", "poolMode: transaction", "poolMode: statement", "spec.pgbouncer.poolMode: must be equal to one of the allowed values" },

        // CNPG ScheduledBackup
        { "ScheduledBackup: misspelled field", $"{Dedicated}/database-scheduled-backup.yaml", "immediate:", "immediately:", "ScheduledBackup miniflux-database-daily: spec.immediately: unknown field" },
        { "ScheduledBackup: wrong type", $"{Dedicated}/database-scheduled-backup.yaml", "immediate: true", "immediate: 1", "spec.immediate: must be boolean" },
        { "ScheduledBackup: missing required", $"{Dedicated}/database-scheduled-backup.yaml", "  schedule: \"0 0 3 * * *\"\n", string.Empty, "spec: must have required property 'schedule'" },
        { "ScheduledBackup: bad enum", $"{Dedicated}/database-scheduled-backup.yaml", "backupOwnerReference: self", "backupOwnerReference: owner", "spec.backupOwnerReference: must be equal to one of the allowed values" },

        // CNPG Database
        { "Database: misspelled field", $"{Composed}/clusters/live/config/database/databases.yaml", "  owner: wiki", "  owners: wiki", "Database wiki-database: spec.owners: unknown field" },
        { "Database: wrong type", $"{Composed}/clusters/live/config/database/databases.yaml", "    name: platform", "    name: [platform]", "spec.cluster.name: must be string" },
        { "Database: missing required", $"{Composed}/clusters/live/config/database/databases.yaml", "  name: wiki\n", string.Empty, "Database wiki-database: spec: must have required property 'name'" },
        { "Database: bad enum", $"{Composed}/clusters/live/config/database/databases.yaml", "databaseReclaimPolicy: retain", "databaseReclaimPolicy: Retain", "spec.databaseReclaimPolicy: must be equal to one of the allowed values" },

        // flux-operator ResourceSet
        { "ResourceSet: misspelled field", $"{Sample}/apps-resourceset.yaml", "  resourcesTemplate:", "  resourceTemplate:", "ResourceSet apps: spec.resourceTemplate: unknown field" },
        { "ResourceSet: wrong type", $"{Sample}/apps-resourceset.yaml", "  inputs:\n", "  inputs: miniflux\n  x:\n", "spec.inputs: must be array" },
        { "ResourceSet: inputs not objects", $"{Sample}/apps-resourceset.yaml", "    - name: miniflux", "    - miniflux\n    - name: miniflux", "spec.inputs[0]: must be object" },
        { "ResourceSet: missing required", $"{Sample}/apps-resourceset.yaml", "spec:\n", "spec:\n  dependsOn:\n    - name: infra\n", "spec.dependsOn[0]: must have required property 'kind'" },
        { "ResourceSet: bad enum", $"{Sample}/apps-resourceset.yaml", "spec:\n", "spec:\n  inputStrategy:\n    name: Cartesian\n", "spec.inputStrategy.name: must be equal to one of the allowed values" },

        // canary-checker Canary
        { "Canary: misspelled field", $"{Sample}/miniflux/canary.yaml", "thresholdMillis:", "thresholdMs:", "Canary http-check-miniflux: spec.http[0].thresholdMs: unknown field" },
        { "Canary: wrong type", $"{Sample}/miniflux/canary.yaml", "responseCodes: [200]", "responseCodes: [\"200\"]", "spec.http[0].responseCodes[0]: must be integer" },
        { "Canary: int as string", $"{Sample}/miniflux/canary.yaml", "maxSSLExpiry: 7", "maxSSLExpiry: 7d", "spec.http[0].maxSSLExpiry: must be integer" },
        { "Canary: missing required", $"{Sample}/miniflux/canary.yaml", "    - name: miniflux-health\n      url:", "    - url:", "spec.http[0]: must have required property 'name'" },

        // Garage
        { "GarageBucket: misspelled field", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "  clusterRef:", "  cluster:", "GarageBucket wiki: spec.cluster: unknown field" },
        { "GarageBucket: wrong type", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "    name: garage", "    name:\n      garage: true", "spec.clusterRef.name: must be string" },
        { "GarageBucket: missing required", $"{Composed}/clusters/live/apps/wiki/wiki-garage-bucket.yaml", "  clusterRef:\n    name: garage\n", "  quotas:\n    maxSize: 1Gi\n", "GarageBucket wiki: spec: must have required property 'clusterRef'" },
        { "GarageKey: misspelled field", $"{Composed}/clusters/live/apps/wiki/wiki-garage-key.yaml", "neverExpires:", "neverExpire:", "GarageKey wiki: spec.neverExpire: unknown field" },
        { "GarageKey: wrong type", $"{Composed}/clusters/live/apps/wiki/wiki-garage-key.yaml", "      write: true", "      write: \"yes\"", "spec.bucketPermissions[0].write: must be boolean" },
        { "GarageReferenceGrant: misspelled field", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "  from:", "  form:", "GarageReferenceGrant allow-wiki: spec.form: unknown field" },
        { "GarageReferenceGrant: wrong type", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "  from:\n    - kind: GarageKey\n      namespace: wiki", "  from:\n    kind: GarageKey\n    namespace: wiki", "spec.from: must be array" },
        // Upstream makes from[].namespace optional (a CEL rule wants namespace or namespaceSelector; CEL is not evaluated).
        { "GarageReferenceGrant: empty namespace", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "      namespace: wiki\n", "      namespace: \"\"\n", "spec.from[0].namespace: must NOT have fewer than 1 characters" },
        { "GarageReferenceGrant: missing required", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "  from:\n    - kind: GarageKey\n      namespace: wiki\n", "  from:\n    - namespace: wiki\n", "spec.from[0]: must have required property 'kind'" },
        { "GarageReferenceGrant: bad enum", $"{Composed}/platform/config/garage/reference-grant-wiki.yaml", "kind: GarageKey", "kind: Secret", "spec.from[0].kind: must be equal to one of the allowed values" },
    };

    [Fact]
    public void Every_document_of_a_crd_kind_that_the_scenarios_render_matches_its_crd()
    {
        using var parent = TestRepo.Empty();
        foreach (var (id, args) in SnapshotTests.Scenarios)
        {
            var root = Path.Combine(parent.Root, id);
            CopyDirectory(TestRepo.SampleRoot, root);
            using var output = new StringWriter();
            using var error = new StringWriter();
            CliApp.Run([.. args, "--repo", root], output, error, root).ShouldBe(0, $"{id}: {error}");
        }

        var (exitCode, output1) = Validate(parent.Root);

        exitCode.ShouldBe(0, output1);
        output1.ShouldContain(", 0 of a kind with no schema,");
        output1.ShouldContain("; 0 failures");
        foreach (var kind in CrdKinds.Where(k => !k.Contains("ObjectStore", StringComparison.Ordinal)))
        {
            output1.ShouldContain($"schemas: kind {kind} by CRD: ", Case.Sensitive, $"no scenario renders a {kind}");
        }
    }

    [Fact]
    public void Dedicated_database_with_the_barman_cloud_plugin_matches_the_crds()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "database:\n  backupMethod: plugin\n");
        var run = repo.Run("new", "database", "miniflux", "--app", "miniflux", "--mode", "dedicated");
        run.ExitCode.ShouldBe(0, run.Error);

        var (exitCode, output) = Validate(repo.Root);

        exitCode.ShouldBe(0, output);
        // The sample's shared platform-backups and the new miniflux-database-backups.
        output.ShouldContain("schemas: kind barmancloud.cnpg.io/v1 ObjectStore by CRD: 2");
        output.ShouldContain("schemas: kind postgresql.cnpg.io/v1 Cluster by CRD: ");
        output.ShouldContain("schemas: kind postgresql.cnpg.io/v1 ScheduledBackup by CRD: ");
    }

    /// <summary>All cases in one validator run: the unchanged folder of each case must pass, the changed one must fail.</summary>
    [Fact]
    public void A_wrong_field_fails_naming_file_kind_and_path()
    {
        using var work = TestRepo.Empty();
        var cases = new List<(string What, string File, string Expected)>();
        var index = 0;
        foreach (var row in WrongFields)
        {
            var (what, file, find, replace, expected) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3], (string)row[4]);
            var source = Path.Combine(TestRepo.SourceRoot, file);
            var original = File.ReadAllText(source).Replace("\r\n", "\n", StringComparison.Ordinal);
            original.ShouldContain(find, Case.Sensitive, what);
            index++;
            foreach (var (folder, text) in new[] { ($"base-{index}", original), ($"case-{index}", ReplaceFirst(original, find, replace)) })
            {
                // The file's folder comes along, so a kustomization.yaml that lists it as a patch still does. An
                // approved tree holds only what its scenario added or changed: the rest of the folder is the sample's.
                var target = Path.Combine(work.Root, folder);
                Directory.CreateDirectory(target);
                foreach (var dir in new[] { SampleFolderOf(file), Path.GetDirectoryName(source)! }.Where(Directory.Exists))
                {
                    foreach (var sibling in Directory.EnumerateFiles(dir, "*.yaml"))
                    {
                        File.Copy(sibling, Path.Combine(target, Path.GetFileName(sibling)), overwrite: true);
                    }
                }

                File.WriteAllText(Path.Combine(target, Path.GetFileName(source)), text);
            }

            cases.Add((what, $"case-{index}/{Path.GetFileName(source)}", expected));
        }

        var (_, output) = Validate(work.Root);
        var failures = output.Split('\n').Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();

        failures.Where(l => l.StartsWith("FAIL base-", StringComparison.Ordinal)).ShouldBeEmpty("the unchanged files must be valid");
        foreach (var (what, file, expected) in cases)
        {
            failures.ShouldContain(l => l.StartsWith($"FAIL {file}: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal), $"{what}: got\n{string.Join('\n', failures)}");
        }
    }

    [Fact]
    public void A_kind_of_a_crd_group_without_a_crd_fails()
    {
        using var repo = TestRepo.Empty();
        repo.Write("backup.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Backup\nmetadata:\n  name: once\nspec:\n  cluster:\n    name: platform\n");

        var (exitCode, output) = Validate(repo.Root);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("FAIL backup.yaml: Backup once: apiVersion: no CRD schema for postgresql.cnpg.io/v1 Backup in shared/crds");
        output.ShouldContain(", 1 of a kind with no schema,");
    }

    [Fact]
    public void Whole_value_placeholders_are_accepted_in_typed_fields_but_embedded_or_quoted_ones_are_not()
    {
        using var repo = TestRepo.Empty();
        const string Doc = "apiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata:\n  name: p\nspec:\n  cluster:\n    name: c\n  instances: ${replicas:=2}\n  type: ${pooler_type}\n  pgbouncer:\n    paused: ${paused}\n";
        repo.Write("ok/pooler.yaml", Doc);
        repo.Write("bad/pooler.yaml", Doc.Replace("${replicas:=2}", "${replicas}0", StringComparison.Ordinal));
        repo.Write("quoted/pooler.yaml", Doc.Replace("${replicas:=2}", "\"${replicas}\"", StringComparison.Ordinal));

        var (_, output) = Validate(repo.Root);

        output.ShouldContain("SKIP ok/pooler.yaml: Pooler p: spec.instances: substitution placeholder in typed field");
        output.ShouldContain("SKIP ok/pooler.yaml: Pooler p: spec.type: substitution placeholder in typed field");
        output.ShouldContain("SKIP ok/pooler.yaml: Pooler p: spec.pgbouncer.paused: substitution placeholder in typed field");
        output.ShouldNotContain("FAIL ok/");
        output.ShouldContain("FAIL bad/pooler.yaml: Pooler p: spec.instances: must be integer");
        output.ShouldContain("FAIL quoted/pooler.yaml: Pooler p: spec.instances: must be integer"); // "2" after substitution
        output.ShouldNotContain("FAIL quoted/pooler.yaml: Pooler p: spec.type");
    }

    [Fact]
    public void Required_fields_are_not_enforced_in_kustomize_patches_but_names_and_types_are()
    {
        using var repo = TestRepo.Empty();
        repo.Write("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - cluster.yaml\npatches:\n  - path: recovery.yaml\n");
        repo.Write("recovery.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: platform\nspec:\n  instances: \"1\"\n");
        repo.Write("cluster.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: platform\nspec: { }\n");

        var (_, output) = Validate(repo.Root);
        var failures = output.Split('\n').Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();

        failures.ShouldBe(
        [
            "FAIL cluster.yaml: Cluster platform: spec: must have required property 'instances'",
            "FAIL recovery.yaml: Cluster platform: spec.instances: must be integer",
        ]);
        output.ShouldContain("1 of them kustomize patches");
    }

    private static (int ExitCode, string Output) Validate(string directory)
    {
        if (!Directory.Exists(Path.Combine(ConformanceDir, "node_modules", "ajv")))
        {
            Assert.Fail($"the validators are not installed: run `npm ci` in {ConformanceDir} (the test build runs it when node_modules is missing)");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(ConformanceDir, "validate-manifests.mjs"));
        start.ArgumentList.Add(".");
        start.Environment["SCHEMAS_LIST_KINDS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("validate-manifests.mjs did not finish within 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The sample folder that an approved file's folder overlays (the folder itself for a sample file).</summary>
    private static string SampleFolderOf(string file)
    {
        var parts = file.Split('/');
        var relative = file.StartsWith(Approved + "/", StringComparison.Ordinal) ? string.Join('/', parts[(Approved.Split('/').Length + 1)..^1]) : null;
        return relative is null ? Path.Combine(TestRepo.SourceRoot, Path.GetDirectoryName(file)!) : Path.Combine(TestRepo.SampleRoot, relative);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
