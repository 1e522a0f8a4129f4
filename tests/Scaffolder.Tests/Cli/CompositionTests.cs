namespace Scaffolder.Tests.Cli;

/// <summary>
/// The app template composes secrets, volumes, buckets, databases and routes exactly as the follow-up patterns do
/// later, a re-run of <c>new app</c> renders the follow-ups recorded for it, and kustomization resource lists are
/// merged, never replaced.
/// </summary>
public sealed class CompositionTests
{
    private const string Wiki = "kubernetes/clusters/live/apps/wiki";

    private static readonly string[][] FollowUps =
    [
        ["new", "secret", "wiki-secrets", "--app", "wiki", "--key", "API_KEY"],
        ["new", "database", "wiki", "--app", "wiki"],
        ["new", "storage", "wiki", "--app", "wiki", "--object"],
        ["new", "storage", "volumes", "--app", "wiki", "--volume", "data:10Gi"],
        ["new", "route", "wiki", "--app", "wiki", "--gateway", "internal"],
    ];

    /// <remarks>
    /// --database and --route also change files of the app itself (the ResourceSet input's dependsOn, the canary's
    /// URL), which a follow-up does not rewrite; their wiring into the values is covered by the re-run test.
    /// </remarks>
    [Fact]
    public void Composing_an_app_gives_the_same_bytes_as_the_follow_up_patterns_run_after_it()
    {
        using var composed = TestRepo.FromSample();
        using var stepwise = TestRepo.FromSample();

        composed.Run("new", "app", "wiki", "--secret", "API_KEY", "--bucket", "--volume", "data:10Gi").ExitCode.ShouldBe(0);
        stepwise.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        foreach (var followUp in FollowUps.Where(f => f[1] is "secret" or "storage"))
        {
            var result = stepwise.Run(followUp);
            result.ExitCode.ShouldBe(0, $"{string.Join(' ', followUp)}: {result.Error}");
        }

        var expected = WithoutAnswers(composed.Snapshot());
        var actual = WithoutAnswers(stepwise.Snapshot());
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var (path, content) in expected)
        {
            actual[path].ShouldBe(content, path);
        }
    }

    [Fact]
    public void The_single_secret_case_is_byte_identical_too()
    {
        using var composed = TestRepo.FromSample();
        using var stepwise = TestRepo.FromSample();

        composed.Run("new", "app", "wiki", "--secret", "API_KEY").ExitCode.ShouldBe(0);
        stepwise.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        stepwise.Run("new", "secret", "wiki-secrets", "--app", "wiki", "--key", "API_KEY").ExitCode.ShouldBe(0);

        WithoutAnswers(stepwise.Snapshot()).ShouldBe(WithoutAnswers(composed.Snapshot()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_re_run_of_new_app_renders_its_follow_ups_and_reports_every_file_identical(bool force)
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        foreach (var followUp in FollowUps)
        {
            repo.Run(followUp).ExitCode.ShouldBe(0);
        }

        var before = repo.Snapshot();
        var rerun = repo.Run(force ? ["new", "app", "wiki", "--force"] : ["new", "app", "wiki"]);

        rerun.ExitCode.ShouldBe(0, rerun.Output + rerun.Error);
        rerun.Output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("identical", StringComparison.Ordinal) && !l.StartsWith("keep", StringComparison.Ordinal) && l.Contains(".yaml", StringComparison.Ordinal) && !l.StartsWith(' '))
            .Where(l => l.StartsWith("create", StringComparison.Ordinal) || l.StartsWith("update", StringComparison.Ordinal) || l.StartsWith("conflict", StringComparison.Ordinal))
            .ShouldBeEmpty(rerun.Output);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Force_never_drops_a_kustomization_entry_that_another_pattern_or_the_user_added()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var kustomization = $"{Wiki}/kustomization.yaml";
        repo.Write(kustomization, repo.Read(kustomization) + "  - extra.yaml   # by hand\n");
        repo.Write($"{Wiki}/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n");

        var result = repo.Run("new", "app", "wiki", "--secret", "API_KEY", "--force");

        result.ExitCode.ShouldBe(0, result.Error);
        var merged = repo.Read(kustomization);
        merged.ShouldContain("  - extra.yaml   # by hand\n  - wiki-secrets.yaml\n");
        merged.ShouldContain("  - helmrelease.yaml\n");
    }

    [Fact]
    public void A_re_run_with_a_new_option_merges_the_kustomization_instead_of_conflicting()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var kustomization = $"{Wiki}/kustomization.yaml";
        repo.Write(kustomization, repo.Read(kustomization) + "  - extra.yaml\n");

        var result = repo.Run("new", "app", "wiki", "--dry-run");

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain($"identical  {kustomization}");
    }

    private static SortedDictionary<string, string> WithoutAnswers(SortedDictionary<string, string> snapshot) =>
        new(snapshot.Where(p => !p.Key.StartsWith(".scaffold/answers/", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
