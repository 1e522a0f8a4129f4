using System.Diagnostics;
using System.Globalization;

namespace Scaffolder.Cli;

/// <summary>Start-up diagnostics: with SCAFFOLD_TIMING=1, prints milliseconds since process start at each mark to stderr.</summary>
internal static class Timing
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SCAFFOLD_TIMING") == "1";

    public static void Mark(string what)
    {
        if (Enabled)
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[timing] {elapsed.TotalMilliseconds,7:F1} ms  {what}"));
        }
    }
}
