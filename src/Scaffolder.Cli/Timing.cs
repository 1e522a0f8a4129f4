using System.Diagnostics;
using System.Globalization;

namespace Scaffolder.Cli;

/// <summary>Start-up diagnostics: with SCAFFOLD_TIMING=1, prints milliseconds since process start, bytes allocated and garbage collections (gen 0/1/2) at each mark to stderr.</summary>
internal static class Timing
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SCAFFOLD_TIMING") == "1";

    public static void Mark(string what)
    {
        if (Enabled)
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            var allocated = GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[timing] {elapsed.TotalMilliseconds,7:F1} ms  {allocated,7:F1} MB allocated, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}  {what}"));
        }
    }
}
