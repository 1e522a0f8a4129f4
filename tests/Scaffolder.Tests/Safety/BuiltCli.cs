using System.Diagnostics;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Runs the built tool (<c>dotnet exec scaffold.dll</c>, with the tool's own runtime settings, invariant globalization
/// included) in its own process: for inputs that could crash a process (a stack overflow ends it, whatever catches),
/// and for settings read from the environment.
/// </summary>
internal static class BuiltCli
{
    /// <summary>Runs <c>scaffold args... --repo root</c>; a run longer than <paramref name="timeout"/> is killed and fails the test.</summary>
    public static CliResult Run(string root, string[] args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "scaffold.dll"), .. args, "--repo", root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = root,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new Xunit.Sdk.XunitException($"scaffold {string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a))} did not finish within {timeout.TotalSeconds} s");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
