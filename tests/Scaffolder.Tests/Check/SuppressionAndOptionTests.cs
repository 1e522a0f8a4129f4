using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

public sealed class SuppressionAndOptionTests
{
    private const string Pod = """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
          namespace: tools
          annotations:
            scaffold.dev/ignore: "{0}"
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: nginx:latest
        """;

    [Fact]
    public void Annotation_with_reason_suppresses_only_the_named_rules_and_counts_them()
    {
        using var repo = new CheckRepo().Write("kubernetes/pod.yaml", Pod.Replace("{0}", "SCF007 -- needs the host network for DHCP", StringComparison.Ordinal));

        var report = repo.Check();

        report.Findings.Single(f => f.RuleId == "SCF007").Suppressed.ShouldBeTrue();
        report.Findings.Single(f => f.RuleId == "SCF015").Suppressed.ShouldBeFalse();
        report.Suppressed.ShouldBe(1);
        report.Errors.ShouldBe(1);
        report.Findings.ShouldNotContain(f => f.RuleId == "SCF032");
    }

    [Fact]
    public void Annotation_without_reason_suppresses_nothing_and_is_a_finding()
    {
        using var repo = new CheckRepo().Write("kubernetes/pod.yaml", Pod.Replace("{0}", "SCF007", StringComparison.Ordinal));

        var report = repo.Check();

        report.Findings.Single(f => f.RuleId == "SCF007").Suppressed.ShouldBeFalse();
        var missingReason = report.Findings.Single(f => f.RuleId == "SCF032");
        (missingReason.File, missingReason.Line).ShouldBe(("kubernetes/pod.yaml", 8));
        report.Suppressed.ShouldBe(0);
    }

    [Fact]
    public void Ignored_paths_suppress_every_finding_of_matching_files()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/legacy/pod.yaml", Pod.Replace("{0}", "x -- y", StringComparison.Ordinal))
            .Write("kubernetes/new/pod.yaml", Pod.Replace("{0}", "x -- y", StringComparison.Ordinal));
        var conventions = CheckConventions.Default with { IgnorePaths = ["kubernetes/legacy/**"] };

        var report = repo.Check(conventions);

        report.Findings.Where(f => f.File.StartsWith("kubernetes/legacy/", StringComparison.Ordinal)).ShouldAllBe(f => f.Suppressed);
        report.Findings.Where(f => f.File.StartsWith("kubernetes/new/", StringComparison.Ordinal)).ShouldAllBe(f => !f.Suppressed);
        report.Suppressed.ShouldBe(2);
    }

    [Fact]
    public void Rule_filter_exclude_globs_and_min_severity_narrow_the_report()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/pod.yaml", Pod.Replace("{0}", "x -- y", StringComparison.Ordinal))
            .Write("vendor/pod.yaml", Pod.Replace("{0}", "x -- y", StringComparison.Ordinal))
            .Write("kubernetes/config-map.yaml", "apiVersion: v1\nkind: ConfigMap\n");

        repo.Check(options: new CheckOptions { RuleIds = ["scf015"] }).Findings.Select(f => f.RuleId).Distinct().ShouldBe(["SCF015"]);
        repo.Check(options: new CheckOptions { ExcludeGlobs = ["vendor/"] }).Findings.ShouldNotContain(f => f.File.StartsWith("vendor/", StringComparison.Ordinal));
        var all = repo.Check();
        all.Findings.ShouldContain(f => f.Severity == Severity.Note);
        repo.Check(options: new CheckOptions { MinSeverity = Severity.Error }).Findings.ShouldAllBe(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Parallel_and_sequential_runs_give_identical_ordered_findings()
    {
        var root = CheckRepo.Fixture("violations");

        var sequential = CheckRepo.Check(root, options: new CheckOptions { MaxParallelism = 1 });
        var parallel = CheckRepo.Check(root, options: new CheckOptions { MaxParallelism = 4 });

        parallel.Findings.ShouldBe(sequential.Findings);
        sequential.Findings.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Skips_git_node_modules_bin_and_obj_and_unknown_files()
    {
        using var repo = new CheckRepo()
            .Write(".git/x.yaml", "a: [")
            .Write("node_modules/x.yaml", "a: [")
            .Write("src/bin/x.yaml", "a: [")
            .Write("src/obj/x.yaml", "a: [")
            .Write("README.md", "a: [")
            .Write("ok.yaml", "a: b\n");

        var report = repo.Check();

        report.FilesScanned.ShouldBe(1);
        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Conventions_drive_the_names_rules_use()
    {
        using var repo = new CheckRepo().Write("kubernetes/clusters/live/ns.yaml", """
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: foo
              labels:
                istio.io/dataplane-mode: ambient
                pod-security.kubernetes.io/enforce: restricted
                pod-security.kubernetes.io/audit: restricted
                pod-security.kubernetes.io/warn: restricted
                netpol.example/profile: locked
            """);
        var custom = CheckConventions.Default with { LabelPrefix = "netpol.example", Profiles = ["locked"] };

        repo.Check().Findings.Select(f => f.RuleId).ShouldBe(["SCF018"]);
        repo.Check(custom).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Line_comments_suppress_the_line_they_end_or_the_next_entry_and_need_a_reason()
    {
        using var repo = new CheckRepo()
            .Write("kubernetes/versions.env", """
                # scaffold:ignore SCF017 -- read by the legacy bootstrap script
                # renovate: datasource=github-releases depName=siderolabs/talos
                talos=v1.11.5
                # renovate: datasource=docker depName=x
                other=1 # scaffold:ignore SCF017 -- inline in a .env file is part of the value
                # scaffold:ignore SCF017
                # renovate: datasource=docker depName=y
                third=2
                """)
            .Write("kubernetes/values.yaml", """
                ---
                # scaffold:ignore SCF007 -- DHCP needs the host network
                hostNetwork: true
                hostPID: true  # scaffold:ignore SCF007 -- debugging
                hostIPC: true
                """);

        var report = repo.Check();

        report.Findings.Where(f => f.Suppressed).Select(f => $"{f.RuleId} {f.File}:{f.Line}")
            .ShouldBe(["SCF007 kubernetes/values.yaml:3", "SCF007 kubernetes/values.yaml:4", "SCF017 kubernetes/versions.env:3"]);
        report.Findings.Where(f => !f.Suppressed).Select(f => $"{f.RuleId} {f.File}:{f.Line}")
            .ShouldBe(["SCF007 kubernetes/values.yaml:5", "SCF017 kubernetes/versions.env:5", "SCF032 kubernetes/versions.env:6", "SCF017 kubernetes/versions.env:8"]);
    }
}
