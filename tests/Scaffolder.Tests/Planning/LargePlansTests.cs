using Scaffolder.Core.Planning;

namespace Scaffolder.Tests.Planning;

/// <summary>LargePlans.For: the failure reported is the one of the lowest index, on one thread or on every core.</summary>
public sealed class LargePlansTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(LargePlans.ParallelFrom * 4)]
    public void The_failure_of_the_lowest_index_is_rethrown_as_is(int count)
    {
        var ran = new bool[count];
        var failing = new HashSet<int> { count / 3, count / 2, count - 1 };

        var thrown = Should.Throw<InvalidDataException>(() => LargePlans.For(count, i =>
        {
            ran[i] = true;
            if (failing.Contains(i))
            {
                throw new InvalidDataException($"item {i}");
            }
        }));

        thrown.Message.ShouldBe($"item {count / 3}");
        if (count >= LargePlans.ParallelFrom)
        {
            // A parallel run finishes the other items before it reports.
            ran.ShouldAllBe(r => r);
        }
        else
        {
            // One thread stops at the first failure.
            ran.Count(r => r).ShouldBe((count / 3) + 1);
        }
    }
}
