namespace Scaffolder.Core.Rendering;

/// <summary>
/// Bounds on one render, so that a repository's template cannot exhaust memory or time: every breach is a one-line
/// error naming the template file and line.
/// </summary>
/// <param name="LoopLimit">Iterations of one loop.</param>
/// <param name="TotalIterations">Iterations of all loops of one render together (nested loops multiply).</param>
/// <param name="RecursionLimit">Depth of nested partials and function calls.</param>
/// <param name="MaxOutputChars">Characters one render writes, and the length of any text value it computes.</param>
public sealed record TemplateLimits(int LoopLimit, long TotalIterations, int RecursionLimit, int MaxOutputChars)
{
    /// <summary>
    /// The limits of every command: far above what a template of the stack needs (the largest built-in one runs a few
    /// hundred iterations and writes a few kilobytes), far below what hurts a machine.
    /// </summary>
    public static TemplateLimits Default { get; } = new(LoopLimit: 10_000, TotalIterations: 100_000, RecursionLimit: 64, MaxOutputChars: 4 * 1024 * 1024);
}
