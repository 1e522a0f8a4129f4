using Scaffolder.Core.Planning;

namespace Scaffolder.Core.Lifecycle;

/// <summary>The plan of <c>scaffold remove</c> and the files it keeps.</summary>
/// <param name="Plan">Deletions of the unit's files and answers file, and shared files without the unit's lines.</param>
/// <param name="Kept">Files and edits left in place, with the reason (changed since generation, or not found).</param>
public sealed record RemovePlan(Plan Plan, IReadOnlyList<string> Kept);
