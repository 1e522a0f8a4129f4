using System.Text;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Cli;

/// <summary>The pattern templates run through the CLI against a copy of samples/homelab.</summary>
public sealed class PatternCliTests
{
    private const string Miniflux = "kubernetes/clusters/live/apps/miniflux";

    public static TheoryData<string, string> BadValues => new()
    {
        { "non-quantity size", "new storage data --app miniflux --block --size ten" },
        { "size with a space", "new storage data --app miniflux --block --size 10 Gi" },
        { "unknown storage class", "new storage data --app miniflux --block --size 10Gi --class nvme" },
        { "volume without size", "new storage data --app miniflux --volume data" },
        { "block without size", "new storage data --app miniflux --block" },
        { "no storage kind", "new storage data --app miniflux" },
        { "unknown gateway", "new route rss --app miniflux --gateway public" },
        { "host with scheme", "new route rss --app miniflux --host https://rss" },
        { "host with path", "new route rss --app miniflux --host rss/admin" },
        { "host with port", "new route rss --app miniflux --host rss:443" },
        { "secret value", "new secret miniflux-api --app miniflux --key API_TOKEN=secret" },
        { "secret value in app", "new app wiki --secret API_TOKEN=secret" },
        { "secret without keys", "new secret miniflux-api --app miniflux" },
        { "generated and replicated", "new secret s --app miniflux --generated --key password --replicate-from database/x" },
        { "unknown app", "new secret s --app nope --key TOKEN" },
        { "database mode", "new database miniflux --app miniflux --mode clustered" },
        { "shared database size", "new database miniflux --app miniflux --size 10Gi" },
        { "explicit profile cannot admit the route", "new app wiki --profile internal --route external" },
        { "isolated profile with internal route", "new app wiki --profile isolated --route internal" },
        { "no-edit route on internal-egress", "new route rss --app miniflux --gateway external --no-edit" },
        { "non-quantity app volume", "new app wiki --volume data:lots" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Bad_values_exit_2_and_write_nothing(string what, string command)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        var result = repo.Run(command.Split(' '));
        result.ExitCode.ShouldBe(2, $"{what}: {result.Output}{result.Error}");
        result.Error.ShouldNotBeNullOrWhiteSpace(what);
        result.Error.ShouldNotContain("   at ", Case.Sensitive, what);
        Changed(before, repo.Snapshot()).ShouldBeEmpty(what);
    }

    [Fact]
    public void Conflict_exits_3_and_writes_nothing()
    {
        using var repo = TestRepo.FromSample();
        repo.Write($"{Miniflux}/miniflux-data-pvc.yaml", "---\n# hand-written, different\n");
        var before = repo.Snapshot();
        var result = repo.Run("new", "storage", "data", "--app", "miniflux", "--block", "--size", "10Gi");
        result.ExitCode.ShouldBe(3, result.Error);
        Changed(before, repo.Snapshot()).ShouldBeEmpty();
    }

    [Fact]
    public void Secret_value_is_refused_with_a_pointer_to_ssm()
    {
        using var repo = TestRepo.FromSample();
        var result = repo.Run("new", "secret", "miniflux-api", "--app", "miniflux", "--key", "API_TOKEN=hunter2");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("AWS SSM");
    }

    [Fact]
    public void Explicit_profile_error_names_the_admitting_profile()
    {
        using var repo = TestRepo.FromSample();
        var result = repo.Run("new", "app", "wiki", "--profile", "internal", "--route", "external");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("standard");
        result.Error.ShouldContain("--profile");
    }

    [Fact]
    public void Route_external_without_profile_gives_standard()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki", "--route", "external").ExitCode.ShouldBe(0);
        repo.Read("kubernetes/clusters/live/apps/wiki/namespace.yaml").ShouldContain("network-policy.homelab/profile: standard\n");
    }

    [Fact]
    public void Route_internal_keeps_an_admitting_profile()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Read($"{Miniflux}/namespace.yaml");
        repo.Run("new", "route", "rss", "--app", "miniflux", "--gateway", "internal").ExitCode.ShouldBe(0);
        repo.Read($"{Miniflux}/namespace.yaml").ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(SnapshotTests.ScenarioIds), MemberType = typeof(SnapshotTests))]
    public void Rerun_is_identical(string id)
    {
        var args = SnapshotTests.Scenarios.Single(s => s.Id == id).Args;
        using var repo = TestRepo.FromSample();
        repo.Run(args).ExitCode.ShouldBe(0);
        var first = repo.Snapshot();
        var second = repo.Run(args);
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.Split('\n').Where(l => l.StartsWith("create", StringComparison.Ordinal) || l.StartsWith("update", StringComparison.Ordinal) || l.StartsWith("conflict", StringComparison.Ordinal))
            .ShouldBeEmpty($"second run of {id} changed files:\n{second.Output}");
        Changed(first, repo.Snapshot()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SnapshotTests.ScenarioIds), MemberType = typeof(SnapshotTests))]
    public void Edits_of_existing_files_only_insert_lines(string id)
    {
        var args = SnapshotTests.Scenarios.Single(s => s.Id == id).Args;
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        repo.Run(args).ExitCode.ShouldBe(0);
        foreach (var path in Changed(before, repo.Snapshot()).Where(before.ContainsKey))
        {
            var original = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(before[path]));
            var edited = repo.Read(path);
            var kept = KeepOriginalLines(original, edited, out var replaced);

            // The only in-place change a pattern makes is the namespace profile value.
            foreach (var (old, updated) in replaced)
            {
                path.ShouldEndWith("namespace.yaml");
                old.Replace("internal-egress", "standard", StringComparison.Ordinal).ShouldBe(updated, $"{id}: {path}");
            }

            kept.ShouldBe(original, $"{id}: removing the inserted lines of {path} must give the original bytes");
        }
    }

    [Fact]
    public void Inserted_lines_removed_give_the_original_with_crlf_and_comments()
    {
        using var repo = TestRepo.FromSample();
        const string Folder = "kubernetes/clusters/live/config/database/";
        string[] files = ["cluster-roles-patch.yaml", "role-secrets.yaml", "databases.yaml"];
        var originals = files.ToDictionary(f => f, f => repo.Read(Folder + f).Replace("\n", "\r\n", StringComparison.Ordinal));
        foreach (var (file, text) in originals)
        {
            File.WriteAllText(repo.PathOf(Folder + file), text);
        }

        repo.Run("new", "database", "miniflux", "--app", "miniflux").ExitCode.ShouldBe(0);
        repo.Read(Folder + "cluster-roles-patch.yaml").ShouldContain("      - name: miniflux\r\n        ensure: present\r\n");
        foreach (var (file, original) in originals)
        {
            var edited = repo.Read(Folder + file);
            edited.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\n", Case.Sensitive, $"{file} mixes line endings");
            edited.ShouldNotContain("\r\r", Case.Sensitive, file);
            KeepOriginalLines(original, edited, out var replaced).ShouldBe(original, file);
            replaced.ShouldBeEmpty(file);
        }
    }

    [Fact]
    public void Dedicated_database_with_the_barman_cloud_plugin()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "database:\n  backupMethod: plugin\n");
        repo.Run("new", "database", "miniflux", "--app", "miniflux", "--mode", "dedicated").ExitCode.ShouldBe(0);
        var cluster = repo.Read($"{Miniflux}/database-cluster.yaml");
        cluster.ShouldContain("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n      parameters:\n        barmanObjectName: miniflux-database-backups\n");
        cluster.ShouldNotContain("barmanObjectStore");
        var store = repo.Read($"{Miniflux}/database-object-store.yaml");
        store.ShouldContain("apiVersion: barmancloud.cnpg.io/v1\nkind: ObjectStore\n");
        store.ShouldContain("  retentionPolicy: \"14d\"\n  configuration:\n    destinationPath: s3://cnpg-miniflux-backups/\n");
        repo.Read($"{Miniflux}/database-scheduled-backup.yaml").ShouldContain("  method: plugin\n  pluginConfiguration:\n    name: barman-cloud.cloudnative-pg.io\n");
        repo.Read($"{Miniflux}/kustomization.yaml").ShouldContain("  - database-object-store.yaml\n");
        // The plugin (0.6.0+) exports its own family; cnpg_collector_last_available_backup_timestamp stays 0 for plugin backups.
        var rules = repo.Read($"{Miniflux}/database-prometheus-rules.yaml");
        rules.ShouldContain("expr: time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{namespace=\"database\", pod=~\"miniflux-database-[0-9]+\"}) > 172800\n");
        rules.ShouldContain("expr: absent(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{namespace=\"database\", pod=~\"miniflux-database-[0-9]+\"})\n");
        rules.ShouldNotContain("cnpg_collector_last_available_backup_timestamp");
    }

    [Fact]
    public void Dedicated_database_chosen_on_in_tree_barman_object_store_keeps_that_form_and_its_metric()
    {
        using var repo = TestRepo.FromSample();
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "database:\n  backupMethod: barmanObjectStore\n");
        repo.Run("new", "database", "miniflux", "--app", "miniflux", "--mode", "dedicated").ExitCode.ShouldBe(0);

        var cluster = repo.Read($"{Miniflux}/database-cluster.yaml");
        cluster.ShouldContain("  backup:\n    barmanObjectStore:\n      destinationPath: s3://cnpg-miniflux-backups/\n");
        cluster.ShouldNotContain("plugins:");
        File.Exists(repo.PathOf($"{Miniflux}/database-object-store.yaml")).ShouldBeFalse();
        repo.Read($"{Miniflux}/database-scheduled-backup.yaml").ShouldNotContain("method: plugin");
        var rules = repo.Read($"{Miniflux}/database-prometheus-rules.yaml");
        rules.ShouldContain("absent(cnpg_collector_last_available_backup_timestamp{");
        rules.ShouldNotContain("barman_cloud_cloudnative_pg_io");
    }

    [Fact]
    public void No_pattern_produces_hostpath_or_emptydir()
    {
        foreach (var (id, _) in SnapshotTests.Scenarios)
        {
            foreach (var (path, bytes) in SnapshotTests.Render(id))
            {
                var text = Encoding.UTF8.GetString(bytes);
                text.ShouldNotContain("hostPath", Case.Sensitive, $"{id}: {path}");
                text.ShouldNotContain("emptyDir", Case.Sensitive, $"{id}: {path}");
            }
        }
    }

    private static List<string> Changed(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        after.Where(p => !before.TryGetValue(p.Key, out var old) || old != p.Value).Select(p => p.Key)
            .Concat(before.Keys.Except(after.Keys))
            .ToList();

    /// <summary>Drops the lines the edit inserted; a line changed in place is put back and reported in <paramref name="replaced"/>.</summary>
    private static string KeepOriginalLines(string original, string edited, out List<(string Old, string New)> replaced)
    {
        replaced = [];
        var a = SplitLines(original);
        var b = SplitLines(edited);
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var builder = new StringBuilder();
        string? deleted = null;
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                builder.Append(a[x++]);
                y++;
                deleted = null;
            }
            else if (x < a.Count && (y == b.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                deleted = a[x];
                builder.Append(a[x++]);
            }
            else
            {
                if (deleted is not null)
                {
                    replaced.Add((deleted.TrimEnd('\r', '\n'), b[y].TrimEnd('\r', '\n')));
                    deleted = null;
                }

                y++;
            }
        }

        return builder.ToString();
    }

    private static List<string> SplitLines(string text) =>
        System.Text.RegularExpressions.Regex.Split(text, "(?<=\n)").Where(l => l.Length > 0).ToList();
}
