using System.Diagnostics;

namespace Scaffolder.Tests;

/// <summary>
/// The upstream test data beside the repository (<c>../shared</c>: CRDs, chart schemas), found by the conformance suite's
/// own lookup (<c>sharedDir()</c> in tests/conformance/lib.mjs), so the C# tests and the node validators read the same
/// folder in a worktree, a clone and CI.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Directory = new(Find);

    /// <summary>The shared folder.</summary>
    public static string Root => Directory.Value;

    /// <summary>The upstream CRDs (<c>shared/crds</c>).</summary>
    public static string Crds => Path.Combine(Root, "crds");

    private static string Find()
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(TestRepo.SourceRoot, "tests", "conformance"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--input-type=module");
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("import { sharedDir } from './lib.mjs'; console.log(sharedDir());");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"tests/conformance/lib.mjs sharedDir() failed: {error}");
        return output.Trim();
    }
}
