using Scaffolder.Core.Lifecycle;

namespace Scaffolder.Tests.Lifecycle;

public sealed class UpdateTests
{
    private const string HelmRelease = LifecycleRepo.AppDir + "/wiki/helmrelease.yaml";
    private const string Answers = ".scaffold/answers/app/wiki.yaml";

    private static TestRepo WikiCommitted(params string[] options)
    {
        var repo = LifecycleRepo.Committed();
        repo.Run(["new", "app", "wiki", .. options]).ExitCode.ShouldBe(0);
        LifecycleRepo.Commit(repo, "wiki");
        return repo;
    }

    [Fact]
    public void Update_merges_a_template_change_with_a_user_edit_elsewhere_in_the_file()
    {
        using var repo = WikiCommitted();
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 3", "  maxHistory: 5"), version: "2");
        repo.Write(HelmRelease, repo.Read(HelmRelease).Replace("    createNamespace: false\n", "    # keep: the namespace is ours\n    createNamespace: false\n"));

        var result = repo.Run("update", "app/wiki");

        result.ExitCode.ShouldBe(0, result.Error + result.Output);
        var merged = repo.Read(HelmRelease);
        merged.ShouldContain("  maxHistory: 5\n");
        merged.ShouldContain("    # keep: the namespace is ours\n");
        merged.ShouldNotContain("<<<<<<<");
        repo.Read(Answers).ShouldContain("version: \"2\"");
        result.Output.ShouldContain($"update     {HelmRelease}");
    }

    [Fact]
    public void A_shared_edit_whose_template_text_changed_replaces_the_entry_it_inserted()
    {
        using var repo = WikiCommitted();
        const string ResourceSet = LifecycleRepo.AppDir + "/apps-resourceset.yaml";
        var before = repo.Read(ResourceSet);
        before.ShouldContain("    - name: wiki\n      path: kubernetes/clusters/live/apps/wiki\n      dependsOn: []\n");
        LifecycleRepo.OverrideTemplate(repo, "app", "resourceset-input.yaml.sbn", t => t.Replace("path: {{ yaml appDir }}\n", "path: {{ yaml appDir }}\ntier: apps\n"), version: "2");

        var result = repo.Run("update", "app/wiki");

        result.ExitCode.ShouldBe(0, result.Error + result.Output);
        var after = repo.Read(ResourceSet);
        after.ShouldBe(before.Replace("    - name: wiki\n      path: kubernetes/clusters/live/apps/wiki\n", "    - name: wiki\n      path: kubernetes/clusters/live/apps/wiki\n      tier: apps\n"));
        repo.Run("update", "app/wiki").ExitCode.ShouldBe(0);
        repo.Read(ResourceSet).ShouldBe(after, "a second update changes nothing");
        repo.Run("remove", "app/wiki").ExitCode.ShouldBe(0);
        repo.Read(ResourceSet).ShouldNotContain("name: wiki", Case.Sensitive, "remove takes out the replaced entry: the answers record its new lines");
    }

    [Fact]
    public void A_shared_entry_the_user_changed_is_kept_and_reported_when_its_template_text_changed()
    {
        using var repo = WikiCommitted();
        const string ResourceSet = LifecycleRepo.AppDir + "/apps-resourceset.yaml";
        repo.Write(ResourceSet, repo.Read(ResourceSet).Replace("      path: kubernetes/clusters/live/apps/wiki\n      dependsOn: []\n", "      path: kubernetes/clusters/live/apps/wiki\n      dependsOn: [mine]\n"));
        var edited = repo.Read(ResourceSet);
        LifecycleRepo.OverrideTemplate(repo, "app", "resourceset-input.yaml.sbn", t => t.Replace("path: {{ yaml appDir }}\n", "path: {{ yaml appDir }}\ntier: apps\n"), version: "2");

        var result = repo.Run("update", "app/wiki");

        result.ExitCode.ShouldBe(0, result.Error + result.Output);
        repo.Read(ResourceSet).ShouldBe(edited);
        result.Output.ShouldContain($"{ResourceSet}: the entry app/wiki inserted was changed since; the template's new entry is not applied");
    }

    [Fact]
    public void The_next_update_finds_its_base_after_a_merge_was_committed()
    {
        using var repo = WikiCommitted();
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 3", "  maxHistory: 5"));
        repo.Write(HelmRelease, repo.Read(HelmRelease).Replace("    createNamespace: false\n", "    # mine\n    createNamespace: false\n"));
        repo.Run("update", "wiki").ExitCode.ShouldBe(0);
        LifecycleRepo.Commit(repo, "merged");
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 5", "  maxHistory: 7"));

        var second = repo.Run("update", "wiki");

        second.ExitCode.ShouldBe(0, second.Error + second.Output);
        repo.Read(HelmRelease).ShouldContain("  maxHistory: 7\n");
        repo.Read(HelmRelease).ShouldContain("    # mine\n");
    }

    [Fact]
    public void Overlapping_changes_are_written_as_conflict_markers_listed_and_exit_3()
    {
        using var repo = WikiCommitted();
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 3", "  maxHistory: 5"));
        repo.Write(HelmRelease, repo.Read(HelmRelease).Replace("  maxHistory: 3", "  maxHistory: 10"));

        var dry = repo.Run("update", "wiki", "--dry-run");
        dry.ExitCode.ShouldBe(3);
        repo.Read(HelmRelease).ShouldNotContain("<<<<<<<");

        var result = repo.Run("update", "wiki");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain(HelmRelease);
        var text = repo.Read(HelmRelease);
        text.ShouldContain("<<<<<<< ours");
        text.ShouldContain("  maxHistory: 10\n=======\n  maxHistory: 5\n>>>>>>> theirs");
    }

    [Fact]
    public void Update_without_template_changes_is_identical_and_check_passes()
    {
        using var repo = WikiCommitted("--database");
        var before = repo.Snapshot();

        var check = repo.Run("update", "--check");
        var update = repo.Run("update", "--all");

        check.ExitCode.ShouldBe(0, check.Output);
        check.Output.ShouldContain("up to date: 1 unit(s)");
        update.ExitCode.ShouldBe(0, update.Error);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Check_exits_1_listing_units_behind_and_writes_nothing()
    {
        using var repo = WikiCommitted();
        LifecycleRepo.OverrideTemplate(repo, "app", "canary.yaml.sbn", t => t + "# canary v2\n", version: "2");
        var before = repo.Snapshot();

        var check = repo.Run("update", "--check");

        check.ExitCode.ShouldBe(1);
        check.Output.ShouldContain("behind     app/wiki");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Check_reports_units_behind_their_template_as_a_note_without_changing_its_exit_code()
    {
        using var repo = WikiCommitted();
        var current = repo.Run("check");
        current.Output.ShouldNotContain("behind its template");
        LifecycleRepo.OverrideTemplate(repo, "app", "canary.yaml.sbn", t => t + "# canary v2\n", version: "2");

        var behind = repo.Run("check");

        behind.ExitCode.ShouldBe(current.ExitCode);
        behind.Output.ShouldContain("note: unit app/wiki is behind its template: generated from app 0 (today 2); run 'scaffold update app/wiki'");
        repo.Run("check", "--format", "json").Output.ShouldNotContain("behind its template", Case.Sensitive, "json stays the report only");
    }

    [Fact]
    public void A_deleted_file_stays_deleted_unless_restore()
    {
        using var repo = WikiCommitted();
        File.Delete(repo.PathOf(LifecycleRepo.AppDir + "/wiki/canary.yaml"));

        repo.Run("update", "wiki").ExitCode.ShouldBe(0);
        File.Exists(repo.PathOf(LifecycleRepo.AppDir + "/wiki/canary.yaml")).ShouldBeFalse();

        repo.Run("update", "wiki", "--restore").ExitCode.ShouldBe(0);
        File.Exists(repo.PathOf(LifecycleRepo.AppDir + "/wiki/canary.yaml")).ShouldBeTrue();
    }

    [Fact]
    public void A_base_git_does_not_have_is_a_conflict_offering_the_whole_render()
    {
        using var repo = LifecycleRepo.Committed();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        // Never committed: git has no blob of the generated files.
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 3", "  maxHistory: 5"));
        repo.Write(HelmRelease, repo.Read(HelmRelease) + "# mine\n");

        var result = repo.Run("update", "wiki");

        result.ExitCode.ShouldBe(3);
        var text = repo.Read(HelmRelease);
        text.ShouldStartWith("<<<<<<< ours");
        text.ShouldContain("# mine\n=======\n");
        text.ShouldContain("  maxHistory: 5\n");
    }

    [Fact]
    public void A_file_the_template_no_longer_has_is_deleted_only_when_unchanged()
    {
        using var repo = WikiCommitted("--bucket");
        var bucket = LifecycleRepo.AppDir + "/wiki/wiki-garage-bucket.yaml";
        var key = LifecycleRepo.AppDir + "/wiki/wiki-garage-key.yaml";
        repo.Write(key, repo.Read(key) + "# mine\n");

        var result = repo.Run("update", "wiki", "--set", "bucket=false");

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(repo.PathOf(bucket)).ShouldBeFalse();
        File.Exists(repo.PathOf(key)).ShouldBeTrue();
        result.Output.ShouldContain($"note: {key}: no longer in template 'storage' but changed since generation; kept");
        repo.Read(Answers).ShouldContain("bucket: false");
    }

    [Fact]
    public void Hostile_git_config_runs_no_command()
    {
        using var repo = WikiCommitted();
        var marker = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-pwned");
        File.AppendAllText(repo.PathOf(".git/config"), $"[core]\n\tfsmonitor = touch {marker}\n\tpager = touch {marker}\n[diff]\n\texternal = touch {marker}\n");
        Directory.CreateDirectory(repo.PathOf(".git/hooks"));
        LifecycleRepo.OverrideTemplate(repo, "app", "helmrelease.yaml.sbn", t => t.Replace("  maxHistory: 3", "  maxHistory: 5"));
        repo.Write(HelmRelease, repo.Read(HelmRelease).Replace("    createNamespace: false\n", "    # mine\n    createNamespace: false\n"));

        var result = repo.Run("update", "wiki");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(HelmRelease).ShouldContain("  maxHistory: 5\n");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void Units_are_addressed_by_template_and_name_or_a_unique_bare_name()
    {
        using var repo = LifecycleRepo.Committed();
        repo.Run("new", "app", "wiki", "--database").ExitCode.ShouldBe(0);
        repo.Run("new", "secret", "wiki", "--app", "miniflux", "--key", "A").ExitCode.ShouldBe(0);

        var ambiguous = repo.Run("update", "wiki", "--dry-run");
        var unknown = repo.Run("update", "app/nope", "--dry-run");

        ambiguous.ExitCode.ShouldBe(2);
        ambiguous.Error.ShouldContain("names 2 units (app/wiki, secret/wiki)");
        unknown.ExitCode.ShouldBe(2);
        repo.Run("update", "secret/wiki", "--dry-run").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Follow_ups_are_recorded_under_their_app_and_updated_with_it()
    {
        using var repo = WikiCommitted();
        repo.Run("new", "secret", "wiki-oidc", "--app", "wiki", "--key", "CLIENT_SECRET:client_secret").ExitCode.ShouldBe(0);
        LifecycleRepo.Commit(repo, "oidc");

        var answers = AnswersYaml.Read(repo.Read(Answers), Answers);
        File.Exists(repo.PathOf(".scaffold/answers/secret/wiki-oidc.yaml")).ShouldBeFalse();
        answers.FollowUps.ShouldHaveSingleItem().Name.ShouldBe("wiki-oidc");
        answers.Files.ShouldContain(f => f.Path == LifecycleRepo.AppDir + "/wiki/wiki-oidc.yaml" && f.Template == "secret");

        var before = repo.Snapshot();
        var update = repo.Run("update", "app/wiki");

        update.ExitCode.ShouldBe(0, update.Error);
        repo.Snapshot().ShouldBe(before);
    }
}
