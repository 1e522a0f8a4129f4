namespace Scaffolder.Core.Evaluation;

/// <summary>A technology that an existing layer already covers.</summary>
/// <param name="Name">Canonical name, e.g. <c>redis</c>.</param>
/// <param name="Aliases">Other spellings of the same technology.</param>
/// <param name="Reason">One line on why the existing technology covers it.</param>
public sealed record StackAlternative(string Name, IReadOnlyList<string> Aliases, string Reason);
