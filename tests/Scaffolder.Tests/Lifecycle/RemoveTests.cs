namespace Scaffolder.Tests.Lifecycle;

public sealed class RemoveTests
{
    private const string Answers = ".scaffold/answers/app/wiki.yaml";

    [Theory]
    [InlineData("app", "wiki")]
    [InlineData("app", "wiki", "--database", "--bucket", "--volume", "data:1Gi", "--route", "external", "--secret", "API_TOKEN:token")]
    [InlineData("app", "wiki", "--database", "dedicated", "--cluster", "live", "--cluster", "dev")]
    [InlineData("secret", "miniflux-api", "--app", "miniflux", "--key", "API_TOKEN:token")]
    [InlineData("pin", "cert-manager", "--version", "v1.16.2", "--datasource", "helm", "--dep-name", "cert-manager", "--registry-url", "https://charts.jetstack.io")]
    public void New_then_remove_leaves_the_tree_byte_identical(string template, string name, params string[] options)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        repo.Run(["new", template, name, .. options]).ExitCode.ShouldBe(0);
        repo.Snapshot().ShouldNotBe(before);

        var result = repo.Run("remove", $"{template}/{name}");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldNotContain("kept:");
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Remove_takes_follow_ups_and_their_lines_with_the_app()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        repo.Run("new", "app", "wiki", "--database").ExitCode.ShouldBe(0);
        repo.Run("new", "secret", "wiki-oidc", "--app", "wiki", "--key", "CLIENT_SECRET").ExitCode.ShouldBe(0);
        repo.Run("new", "storage", "cache", "--app", "wiki", "--block", "--size", "1Gi").ExitCode.ShouldBe(0);

        repo.Run("remove", "wiki").ExitCode.ShouldBe(0);

        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_changed_file_is_kept_and_reported_unless_force()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var canary = LifecycleRepo.AppDir + "/wiki/canary.yaml";
        repo.Write(canary, repo.Read(canary) + "# mine\n");

        var dry = repo.Run("remove", "app/wiki", "--dry-run");
        dry.Output.ShouldContain($"kept: {canary}: changed since generation; kept (--force removes it)");
        File.Exists(repo.PathOf(Answers)).ShouldBeTrue();

        var result = repo.Run("remove", "app/wiki");

        result.ExitCode.ShouldBe(0);
        repo.Read(canary).ShouldEndWith("# mine\n");
        File.Exists(repo.PathOf(LifecycleRepo.AppDir + "/wiki/helmrelease.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void Force_removes_changed_files_too()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var canary = LifecycleRepo.AppDir + "/wiki/canary.yaml";
        repo.Write(canary, repo.Read(canary) + "# mine\n");

        repo.Run("remove", "wiki", "--force").ExitCode.ShouldBe(0);

        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Shared_files_other_units_use_are_kept_without_the_removed_units_lines()
    {
        using var repo = TestRepo.Empty();
        repo.Write(".scaffold.yaml", File.ReadAllText(Path.Combine(TestRepo.SampleRoot, ".scaffold.yaml")));
        repo.Run("new", "app", "one").ExitCode.ShouldBe(0);
        var afterOne = repo.Snapshot();
        repo.Run("new", "app", "two").ExitCode.ShouldBe(0);

        repo.Run("remove", "app/one").ExitCode.ShouldBe(0);
        var resourceSet = repo.Snapshot().Single(p => p.Key.EndsWith("apps-resourceset.yaml", StringComparison.Ordinal));
        resourceSet.Value.ShouldContain("name: two");
        resourceSet.Value.ShouldNotContain("name: one");

        repo.Run("remove", "app/two").ExitCode.ShouldBe(0);
        repo.Snapshot().Keys.ShouldNotContain(k => k.Contains("/two/", StringComparison.Ordinal));
        afterOne.Keys.ShouldContain(resourceSet.Key);
    }

    [Theory]
    [InlineData("../outside.yaml", "'..' path segments are not allowed")]
    [InlineData("/etc/passwd", "paths must be relative")]
    [InlineData(".git/config", "refusing to write '.git/config'")]
    [InlineData(".scaffold/answers/app/other.yaml", ".git/ or .scaffold/")]
    public void Hostile_recorded_paths_are_refused_and_nothing_is_written(string path, string message)
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        repo.Write(Answers, repo.Read(Answers).Replace("\"kubernetes/clusters/live/apps/wiki/canary.yaml\"", $"\"{path}\""));
        var before = repo.Snapshot();

        var remove = repo.Run("remove", "app/wiki");
        var update = repo.Run("update", "app/wiki");

        remove.ExitCode.ShouldBe(2);
        remove.Error.ShouldContain(message);
        update.ExitCode.ShouldBe(2);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_recorded_path_the_template_does_not_render_for_the_unit_is_never_touched()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        // The answers claim the sample's miniflux HelmRelease, with its real blob id: it is still not wiki's to delete.
        var victim = LifecycleRepo.AppDir + "/miniflux/kustomization.yaml";
        var blob = Scaffolder.Core.Lifecycle.GitBlob.Id(File.ReadAllBytes(repo.PathOf(victim)));
        var text = repo.Read(Answers);
        var canaryRecord = text.IndexOf("\"kubernetes/clusters/live/apps/wiki/canary.yaml\"", StringComparison.Ordinal);
        var blobStart = text.IndexOf("blob: \"", canaryRecord, StringComparison.Ordinal) + "blob: \"".Length;
        text = text[..canaryRecord] + $"\"{victim}\"" + text[(canaryRecord + "\"kubernetes/clusters/live/apps/wiki/canary.yaml\"".Length)..];
        blobStart = text.IndexOf("blob: \"", text.IndexOf(victim, StringComparison.Ordinal), StringComparison.Ordinal) + "blob: \"".Length;
        text = text[..blobStart] + blob + text[(blobStart + 40)..];
        repo.Write(Answers, text);

        var result = repo.Run("remove", "app/wiki");

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(repo.PathOf(victim)).ShouldBeTrue();
        result.Output.ShouldContain($"kept: {victim}: template 'app' does not render it for app/wiki; left alone");
    }
}
