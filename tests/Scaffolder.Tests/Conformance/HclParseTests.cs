using System.Diagnostics;
using Scaffolder.Cli;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Conformance;

/// <summary>
/// Every HCL file of a repository rendered by an infrastructure scenario (its own and the sample's) parses with
/// @cdktf/hcl2json 0.21.0 (the HCL2 parser of OpenTofu, compiled to WebAssembly), pinned in tests/conformance.
/// The test project's build runs `npm ci` in tests/conformance when its node_modules is missing.
/// </summary>
public sealed class HclParseTests(HclParseTests.ParsedScenarios parsed) : IClassFixture<HclParseTests.ParsedScenarios>
{
    private const string Broken = "broken-hcl";
    private static readonly string ConformanceDir = Path.Combine(TestRepo.SourceRoot, "tests", "conformance");

    public static TheoryData<string> InfrastructureScenarios => new(InfrastructureScenarioIds);

    private static IEnumerable<string> InfrastructureScenarioIds => SnapshotTests.Scenarios
        .Where(s => s.Args.Length > 1 && s.Args[0] == "new" && s.Args[1] is "module" or "unit" or "pin")
        .Select(s => s.Id);

    [Theory]
    [MemberData(nameof(InfrastructureScenarios))]
    public void Rendered_hcl_parses(string id)
    {
        var (exitCode, error) = parsed.Renders[id];
        exitCode.ShouldBe(0, error);

        parsed.Output.ShouldContain(" failures", Case.Sensitive, "the parser did not finish its run");
        parsed.FailuresUnder(id).ShouldBeEmpty(parsed.Output);
    }

    [Fact]
    public void The_parser_rejects_broken_hcl()
    {
        parsed.ExitCode.ShouldBe(1, parsed.Output);
        parsed.FailuresUnder(Broken).ShouldContain(l => l.StartsWith($"FAIL {Path.Combine(parsed.Root, Broken, "main.tf")}: ", StringComparison.Ordinal), parsed.Output);
    }

    /// <summary>
    /// One parser run for the whole class (a node process per case was most of its time): every infrastructure scenario
    /// rendered into its own folder of one tree, beside a folder with a broken file; each test reads its folder's lines.
    /// </summary>
    public sealed class ParsedScenarios : IDisposable
    {
        private readonly TestRepo tree = TestRepo.Empty();

        public ParsedScenarios()
        {
            if (!Directory.Exists(Path.Combine(ConformanceDir, "node_modules", "@cdktf", "hcl2json")))
            {
                Assert.Fail($"the HCL parser is not installed: run `npm ci` in {ConformanceDir} (CI runs it before the tests)");
            }

            foreach (var id in InfrastructureScenarioIds)
            {
                var root = Path.Combine(Root, id);
                TestRepo.CopyDirectory(TestRepo.SampleRoot, root);
                using var output = new StringWriter();
                using var error = new StringWriter();
                var code = CliApp.Run([.. SnapshotTests.Scenarios.Single(s => s.Id == id).Args, "--repo", root], output, error, root);
                Renders[id] = (code, error.ToString());
            }

            tree.Write($"{Broken}/main.tf", "variable \"x\" {\n  type =\n}\n");
            (ExitCode, Output) = RunNode(Path.Combine(ConformanceDir, "parse-hcl.mjs"), Root);
        }

        public string Root => tree.Root;

        public Dictionary<string, (int ExitCode, string Error)> Renders { get; } = new(StringComparer.Ordinal);

        public int ExitCode { get; }

        public string Output { get; }

        /// <summary>The parser's FAIL lines for files under the folder <paramref name="folder"/> of the tree.</summary>
        public IReadOnlyList<string> FailuresUnder(string folder) =>
            Output.Split('\n').Where(l => l.StartsWith($"FAIL {Path.Combine(Root, folder)}/", StringComparison.Ordinal)).ToList();

        public void Dispose() => tree.Dispose();
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
