using System.Runtime.ExceptionServices;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Per-file work of large plans (bulk generation) on every core: validating and writing thousands of files.
/// Small plans stay on one thread, where starting workers would cost more than it saves.
/// </summary>
internal static class LargePlans
{
    /// <summary>Plans with at least this many files use every core.</summary>
    public const int ParallelFrom = 256;

    /// <summary>Runs <paramref name="action"/> for 0 to <paramref name="count"/> − 1; the first failure is rethrown as is.</summary>
    public static void For(int count, Action<int> action)
    {
        if (count < ParallelFrom)
        {
            for (var i = 0; i < count; i++)
            {
                action(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, action);
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
