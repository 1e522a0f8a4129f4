using System.Diagnostics;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Infrastructure;

/// <summary>
/// Every HCL file of a repository rendered by an infrastructure scenario (its own and the sample's) parses with
/// @cdktf/hcl2json 0.21.0 (the HCL2 parser of OpenTofu, compiled to WebAssembly), pinned in tests/conformance.
/// The test project's build runs `npm ci` in tests/conformance when its node_modules is missing.
/// </summary>
public sealed class HclParseTests
{
    private static readonly string ConformanceDir = Path.Combine(TestRepo.SourceRoot, "tests", "conformance");

    public static TheoryData<string> InfrastructureScenarios => new(SnapshotTests.Scenarios
        .Where(s => s.Args.Length > 1 && s.Args[0] == "new" && s.Args[1] is "module" or "unit" or "pin")
        .Select(s => s.Id));

    [Theory]
    [MemberData(nameof(InfrastructureScenarios))]
    public void Rendered_hcl_parses(string id)
    {
        if (!Directory.Exists(Path.Combine(ConformanceDir, "node_modules", "@cdktf", "hcl2json")))
        {
            Assert.Fail($"the HCL parser is not installed: run `npm ci` in {ConformanceDir} (CI runs it before the tests)");
        }

        using var repo = TestRepo.FromSample();
        var result = repo.Run(SnapshotTests.Scenarios.Single(s => s.Id == id).Args);
        result.ExitCode.ShouldBe(0, result.Error);

        var (exitCode, output) = RunNode(Path.Combine(ConformanceDir, "parse-hcl.mjs"), repo.Root);

        exitCode.ShouldBe(0, output);
        output.ShouldContain(", 0 failures");
    }

    [Fact]
    public void The_parser_rejects_broken_hcl()
    {
        if (!Directory.Exists(Path.Combine(ConformanceDir, "node_modules", "@cdktf", "hcl2json")))
        {
            Assert.Fail($"the HCL parser is not installed: run `npm ci` in {ConformanceDir} (CI runs it before the tests)");
        }

        using var repo = TestRepo.Empty();
        repo.Write("main.tf", "variable \"x\" {\n  type =\n}\n");

        var (exitCode, output) = RunNode(Path.Combine(ConformanceDir, "parse-hcl.mjs"), repo.Root);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("FAIL");
    }

    private static (int ExitCode, string Output) RunNode(string script, string directory)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ConformanceDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(directory);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"node is needed for the HCL parse check ({ex.Message})");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("parse-hcl.mjs did not finish within 2 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
