using System.Runtime.ExceptionServices;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Per-item work of large plans (bulk generation) on every core: expanding hundreds of entries, validating and writing
/// thousands of files. Small plans stay on one thread, where starting workers would cost more than it saves.
/// </summary>
internal static class LargePlans
{
    /// <summary>Plans with at least this many files use every core.</summary>
    public const int ParallelFrom = 256;

    /// <summary>
    /// Runs <paramref name="action"/> for 0 to <paramref name="count"/> − 1, on every core from <paramref name="parallelFrom"/>
    /// items. A failure ends a run on one thread; a parallel run finishes the other items, then rethrows the failure of the
    /// lowest index as is, so the error reported does not depend on the threads.
    /// </summary>
    public static void For(int count, Action<int> action, int parallelFrom = ParallelFrom)
    {
        if (count < parallelFrom)
        {
            for (var i = 0; i < count; i++)
            {
                action(i);
            }

            return;
        }

        var failures = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                action(i);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });
        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
