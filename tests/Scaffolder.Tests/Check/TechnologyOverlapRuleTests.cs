using Scaffolder.Core.Check;
using Scaffolder.Core.Evaluation;

namespace Scaffolder.Tests.Check;

/// <summary>SCF033 beyond its fixture: images, word matching of ADRs, the repository's catalog, and the CLI loop check → new adr → check.</summary>
public sealed class TechnologyOverlapRuleTests
{
    private static string Release(string name, string chart) => $"""
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: {name}
          namespace: flux-system
        spec:
          chart:
            spec:
              chart: {chart}
              version: 1.0.0

        """;

    private static readonly CheckOptions Only = new() { RuleIds = ["SCF033"] };

    [Fact]
    public void App_template_images_match_by_whole_name_only()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/apps/media/helmrelease.yaml", """
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: media
            spec:
              chart:
                spec:
                  chart: app-template
              values:
                controllers:
                  media:
                    initContainers:
                      init-db:
                        image:
                          repository: ghcr.io/home-operations/postgres-init
                          tag: "17"
                    containers:
                      app:
                        image:
                          repository: quay.io/minio/minio
                          tag: RELEASE.2025-01-01
            """);

        var finding = repo.Check(options: Only).Findings.ShouldHaveSingleItem();

        finding.Line.ShouldBe(21);
        finding.Message.ShouldContain("image 'quay.io/minio/minio'");
        finding.Message.ShouldContain("Garage");
        finding.Fix.ShouldBe("Use Garage, or record why not: scaffold new adr \"Adopt minio\" --technology minio");
    }

    [Fact]
    public void Compound_chart_names_and_oci_repositories_are_matched()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/cache/helmrelease.yaml", Release("sessions", "redis-ha"));
        repo.Write("kubernetes/cache/ocirepository.yaml", """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: valkey
            spec:
              url: oci://registry-1.docker.io/bitnamicharts/valkey
            """);

        var findings = repo.Check(options: Only).Findings;

        findings.Select(f => f.Message[..f.Message.IndexOf(" deploys", StringComparison.Ordinal)])
            .ShouldBe(["HelmRelease 'sessions'", "OCIRepository 'valkey'"]);
    }

    [Fact]
    public void Existing_technology_is_not_an_overlap()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/cache/helmrelease.yaml", Release("dragonfly", "dragonfly-operator")
            + Release("cnpg", "cloudnative-pg"));

        repo.Check(options: Only).Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("We adopt Redis for sessions.", true)]
    [InlineData("Technology: REDIS", true)]
    [InlineData("Redistribution of load is out of scope.", false)]
    [InlineData("Nothing about caches.", false)]
    public void An_adr_mentioning_the_technology_as_a_word_suppresses_the_finding(string adr, bool suppressed)
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/cache/helmrelease.yaml", Release("sessions", "redis"));
        repo.Write("docs/architecture/decisions/0001-cache.md", adr);

        repo.Check(options: Only).Findings.Count.ShouldBe(suppressed ? 0 : 1);
    }

    [Fact]
    public void Adrs_are_read_from_the_configured_folder_only()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/cache/helmrelease.yaml", Release("sessions", "redis"));
        repo.Write("docs/adr/0001-redis.md", "# Adopt redis\n");

        repo.Check(options: Only).Findings.Count.ShouldBe(1);
        repo.Check(CheckConventions.Default with { DecisionsPath = "docs/adr" }, Only).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Catalog_comes_from_the_conventions()
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/x/helmrelease.yaml", Release("frob", "frobnicator"));
        var catalog = RepoStackCatalog.BuiltIn.Extend(EvaluateSettings.FromScaffoldYaml(
            "evaluate:\n  layers:\n    - id: cache-kv\n      alternatives:\n        - name: frobnicator\n          reason: Dragonfly covers it.\n"));

        repo.Check(options: Only).Findings.ShouldBeEmpty();
        repo.Check(CheckConventions.Default with { StackCatalog = catalog }, Only).Findings.ShouldHaveSingleItem().Message.ShouldContain("Dragonfly");
    }

    [Fact]
    public void Check_flags_the_chart_until_scaffold_new_adr_records_the_decision()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("kubernetes/clusters/live/config/cache/helmrelease.yaml", Release("sessions", "redis"));

        var before = repo.Run("check", "--rule", "SCF033");
        var adr = repo.Run("new", "adr", "Adopt redis", "--technology", "redis", "--date", "2025-03-01");
        var after = repo.Run("check", "--rule", "SCF033");

        before.ExitCode.ShouldBe(1, before.Output + before.Error);
        before.Output.ShouldContain("SCF033");
        before.Output.ShouldContain("scaffold new adr \"Adopt redis\" --technology redis");
        adr.ExitCode.ShouldBe(0, adr.Error);
        after.ExitCode.ShouldBe(0, after.Output + after.Error);
    }

    [Fact]
    public void Check_uses_the_repository_catalog_extension()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("kubernetes/clusters/live/config/x/helmrelease.yaml", Release("frob", "frobnicator"));
        File.AppendAllText(repo.PathOf(".scaffold.yaml"), "\nevaluate:\n  layers:\n    - id: cache-kv\n      alternatives:\n        - name: frobnicator\n          reason: Dragonfly covers it.\n");

        var result = repo.Run("check", "--rule", "SCF033");

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("frobnicator");
    }
}
