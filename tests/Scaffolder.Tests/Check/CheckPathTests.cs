using Scaffolder.Cli;
using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>
/// <c>scaffold check PATH...</c> (issue 20 item 3): the root is found from PATH, facts come from the whole repository,
/// findings only from under PATH; without a root the folder used is named on stderr; <c>new</c> needs a repository.
/// </summary>
public sealed class CheckPathTests
{
    private const string AppFolder = "kubernetes/clusters/live/config/shop";

    [Fact]
    public void A_folder_checked_alone_sees_facts_from_the_whole_repository_and_reports_only_under_it()
    {
        using var repo = ShopRepo();

        var alone = CheckRepo.Check(repo.Root, [AppFolder]);
        var whole = CheckRepo.Check(repo.Root, []);

        alone.Findings.Select(f => $"{f.RuleId} {f.File}").ShouldBe(["SCF007 kubernetes/clusters/live/config/shop/pod.yaml"]);
        whole.Findings.Select(f => $"{f.RuleId} {f.File}").ShouldBe(["SCF007 kubernetes/clusters/live/config/shop/pod.yaml", "SCF007 kubernetes/other/pod.yaml"]);
    }

    [Fact]
    public void A_file_checked_alone_reports_only_its_own_findings()
    {
        using var repo = ShopRepo();

        var report = CheckRepo.Check(repo.Root, ["kubernetes/other/pod.yaml"]);

        report.Findings.Select(f => $"{f.RuleId} {f.File}").ShouldBe(["SCF007 kubernetes/other/pod.yaml"]);
        (report.FilesScanned, report.ManifestsScanned).ShouldBe((1, 1));
    }

    [Fact]
    public void Check_with_an_absolute_path_works_from_any_folder_and_finds_the_root_from_the_path()
    {
        using var repo = ShopRepo();
        using var elsewhere = TestRepo.Empty();

        var result = Run(elsewhere.Root, "check", Path.Combine(repo.Root, AppFolder));
        var whole = Run(elsewhere.Root, "check", repo.Root);

        result.ExitCode.ShouldBe(1, result.Error);
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("kubernetes/clusters/live/config/shop/pod.yaml");
        result.Output.ShouldNotContain("kubernetes/other/pod.yaml");
        result.Output.ShouldNotContain("SCF024");
        whole.Output.ShouldContain("kubernetes/other/pod.yaml");
    }

    [Fact]
    public void Without_a_root_check_warns_on_stderr_and_names_the_folder_it_used()
    {
        using var loose = TestRepo.Empty();
        loose.Write("kubernetes/pod.yaml", Pod("tools"));

        var result = Run(loose.Root, "check");
        var fromPath = Run(TestRepo.SourceRoot, "check", Path.Combine(loose.Root, "kubernetes"));

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe($"warning: no .scaffold.yaml or .git in {loose.Root} or a folder above it: checking {loose.Root} as the repository root");
        result.Output.ShouldContain("SCF007");
        var folder = Path.Combine(loose.Root, "kubernetes");
        fromPath.Error.TrimEnd().ShouldBe($"warning: no .scaffold.yaml or .git in {folder} or a folder above it: checking {folder} as the repository root");
        fromPath.Output.ShouldContain("pod.yaml");
    }

    [Fact]
    public void New_refuses_to_run_outside_a_repository_unless_repo_is_given()
    {
        using var loose = TestRepo.Empty();

        var refused = Run(loose.Root, "new", "adr", "Use Garage");
        var given = Run(loose.Root, "new", "adr", "Use Garage", "--repo", loose.Root, "--dry-run");

        refused.ExitCode.ShouldBe(2);
        refused.Error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldContain("no repository here");
        Directory.EnumerateFileSystemEntries(loose.Root).ShouldBeEmpty();
        given.Error.ShouldNotContain("no repository here");
    }

    private static CliResult Run(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, workingDirectory);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>An app folder whose GarageKey's grant lives in the platform Garage config, one violation inside it and one outside.</summary>
    private static CheckRepo ShopRepo()
    {
        var repo = new CheckRepo()
            .Write($"{AppFolder}/garage-key.yaml", """
                ---
                apiVersion: garage.rajsingh.info/v1beta1
                kind: GarageKey
                metadata:
                  name: shop
                  namespace: shop
                spec:
                  clusterRef: {name: garage, namespace: garage}
                """)
            .Write($"{AppFolder}/namespace.yaml", """
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels:
                    istio.io/dataplane-mode: ambient
                    pod-security.kubernetes.io/enforce: restricted
                    pod-security.kubernetes.io/audit: restricted
                    pod-security.kubernetes.io/warn: restricted
                    network-policy.homelab/profile: internal
                    access.network-policy.homelab/garage-s3: "true"
                """)
            .Write($"{AppFolder}/pod.yaml", Pod("shop"))
            .Write("kubernetes/platform/config/garage/reference-grant-shop.yaml", """
                ---
                apiVersion: garage.rajsingh.info/v1beta1
                kind: GarageReferenceGrant
                metadata:
                  name: allow-shop
                  namespace: garage
                spec:
                  from: [{kind: GarageKey, namespace: shop}]
                """)
            .Write("kubernetes/other/pod.yaml", Pod("other"));
        Directory.CreateDirectory(Path.Combine(repo.Root, ".git"));
        return repo;
    }

    private static string Pod(string ns) => $"""
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
          namespace: {ns}
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: ghcr.io/example/tool:1.0.0
        """;
}
