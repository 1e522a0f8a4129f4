namespace Scaffolder.Tests.Cli;

/// <summary>
/// <c>scaffold init</c> in a repository made from nothing but <c>.git</c> and <c>kubernetes/clusters/live/apps/</c>:
/// afterwards every pattern of the README tour works and <c>scaffold check</c> passes on the result.
/// </summary>
public sealed class InitBootstrapTests
{
    [Fact]
    public void After_init_every_pattern_of_the_tour_succeeds_and_check_passes()
    {
        using var repo = Fresh();

        var init = repo.Run("init");
        init.ExitCode.ShouldBe(0, init.Error);

        Ok(repo, "new", "app", "myapp", "--database", "--bucket", "--route", "internal", "--secret", "API_KEY");
        Ok(repo, "new", "app", "other", "--database", "dedicated");
        Ok(repo, "new", "secret", "myapp-oidc", "--app", "myapp", "--key", "CLIENT_SECRET:client_secret");
        Ok(repo, "new", "storage", "cache", "--app", "myapp", "--block", "--size", "5Gi", "--class", "fast-ephemeral");
        Ok(repo, "new", "route", "other", "--app", "other", "--gateway", "internal");
        Ok(repo, "new", "module", "media-bucket", "--provider", "aws@6.61.0", "--resource", "aws_s3_bucket", "--stack", "live");
        Ok(repo, "new", "unit", "media-bucket-extra", "--module", "media-bucket", "--stack", "live");
        Ok(repo, "new", "pin", "cert-manager", "--version", "v1.16.2", "--datasource", "helm", "--dep-name", "cert-manager", "--registry-url", "https://charts.jetstack.io");
        Ok(repo, "new", "adr", "Adopt NATS for messaging", "--technology", "nats");

        var check = repo.Run("check");
        check.ExitCode.ShouldBe(0, check.Output + check.Error);
    }

    [Fact]
    public void Init_writes_the_shared_files_only_where_absent()
    {
        using var repo = Fresh();
        const string versions = "kubernetes/clusters/live/versions.env";
        repo.Write(versions, "# mine\nfoo_version=1.0.0\n");

        repo.Run("init").ExitCode.ShouldBe(0);

        repo.Read(versions).ShouldBe("# mine\nfoo_version=1.0.0\n");
        File.Exists(repo.PathOf("kubernetes/clusters/live/config/database/cluster-roles-patch.yaml")).ShouldBeTrue();
        File.Exists(repo.PathOf("kubernetes/platform/config/garage/kustomization.yaml")).ShouldBeTrue();
        File.Exists(repo.PathOf("infrastructure/root.hcl")).ShouldBeTrue();
        File.Exists(repo.PathOf("infrastructure/stacks/live/terragrunt.stack.hcl")).ShouldBeTrue();
    }

    [Fact]
    public void Init_dry_run_writes_nothing_and_a_rerun_is_identical()
    {
        using var repo = Fresh();
        var before = repo.Snapshot();

        var dry = repo.Run("init", "--dry-run", "--diff");

        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Output.ShouldContain(".scaffold.yaml");
        dry.Output.ShouldContain("+++ b/kubernetes/clusters/live/apps/apps-resourceset.yaml");
        repo.Snapshot().ShouldBe(before);

        repo.Run("init").ExitCode.ShouldBe(0);
        var after = repo.Snapshot();
        var again = repo.Run("init");
        again.ExitCode.ShouldBe(0, again.Error);
        repo.Snapshot().ShouldBe(after);
        repo.Read(".gitignore").ShouldContain("/.scaffold/apply/");
    }

    [Fact]
    public void Init_dry_run_diff_piped_into_git_apply_gives_the_tree_init_writes()
    {
        using var written = Fresh();
        using var patched = Fresh();
        written.Run("init").ExitCode.ShouldBe(0);

        var dryRun = patched.Run("init", "--dry-run", "--diff");
        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        Directory.Delete(patched.PathOf(".git"));
        DiffPatchTests.Git(patched.Root, string.Empty, "init", "--quiet").ExitCode.ShouldBe(0);
        var apply = DiffPatchTests.Git(patched.Root, dryRun.Output, "apply", "--verbose", "-");

        apply.ExitCode.ShouldBe(0, $"git apply failed:\n{apply.Error}\n--- the diff ---\n{dryRun.Output}");
        patched.Snapshot().ShouldBe(written.Snapshot());
    }

    [Fact]
    public void Init_conflicts_on_a_changed_config_unless_forced()
    {
        using var repo = Fresh();
        repo.Write(".scaffold.yaml", "clusters:\n  default: [live]\n");

        repo.Run("init").ExitCode.ShouldBe(3);
        repo.Read(".scaffold.yaml").ShouldBe("clusters:\n  default: [live]\n");

        repo.Run("init", "--force").ExitCode.ShouldBe(0);
        repo.Read(".scaffold.yaml").ShouldContain("# .scaffold.yaml");
    }

    [Fact]
    public void Without_init_a_missing_shared_file_is_named_with_the_command_that_creates_it()
    {
        using var repo = Fresh();
        repo.Write(".scaffold.yaml", "{}\n");

        var result = repo.Run("new", "app", "myapp", "--database");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("cluster-roles-patch.yaml");
        result.Error.ShouldContain("scaffold init");
    }

    [Fact]
    public void Init_shared_cluster_follows_the_backup_method_plugin_by_default_and_barmanObjectStore_when_chosen()
    {
        const string dir = "kubernetes/platform/config/database/";
        using var plugin = Fresh();
        plugin.Run("init").ExitCode.ShouldBe(0);

        plugin.Read(dir + "cluster.yaml").ShouldContain("  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n      parameters:\n        barmanObjectName: platform-backups\n");
        plugin.Read(dir + "cluster.yaml").ShouldNotContain("barmanObjectStore");
        plugin.Read(dir + "object-store.yaml").ShouldContain("kind: ObjectStore\nmetadata:\n  name: platform-backups\nspec:\n  retentionPolicy: \"14d\"\n");
        plugin.Read(dir + "scheduled-backup.yaml").ShouldEndWith("  method: plugin\n  pluginConfiguration:\n    name: barman-cloud.cloudnative-pg.io\n");
        plugin.Read(dir + "kustomization.yaml").ShouldContain("  - cluster.yaml\n  - object-store.yaml\n");
        var check = plugin.Run("check");
        check.ExitCode.ShouldBe(0, check.Output + check.Error);

        using var inTree = Fresh();
        inTree.Write(".scaffold.yaml", "database:\n  backupMethod: barmanObjectStore\n");
        inTree.Run("init", "--force").ExitCode.ShouldBe(0);

        inTree.Read(dir + "cluster.yaml").ShouldContain("  backup:\n    barmanObjectStore:\n");
        inTree.Read(dir + "cluster.yaml").ShouldNotContain("plugins:");
        File.Exists(inTree.PathOf(dir + "object-store.yaml")).ShouldBeFalse();
        inTree.Read(dir + "scheduled-backup.yaml").ShouldNotContain("method: plugin");
        inTree.Read(dir + "kustomization.yaml").ShouldNotContain("object-store.yaml");
    }

    private static TestRepo Fresh()
    {
        var repo = TestRepo.Empty();
        Directory.CreateDirectory(repo.PathOf(".git"));
        Directory.CreateDirectory(repo.PathOf("kubernetes/clusters/live/apps"));
        return repo;
    }

    private static void Ok(TestRepo repo, params string[] args)
    {
        var result = repo.Run(args);
        result.ExitCode.ShouldBe(0, $"scaffold {string.Join(' ', args)}\n{result.Output}\n{result.Error}");
    }
}
