using Scaffolder.Core.Planning;

namespace Scaffolder.Core.Lifecycle;

/// <summary>The plan of <c>scaffold update</c>: what to write, which files hold conflict markers, and what the user should know.</summary>
/// <param name="Plan">The changes (conflicted files are updates whose content holds git-style markers).</param>
/// <param name="Conflicts">Files written with conflict markers.</param>
/// <param name="Notes">Files left alone, with the reason.</param>
/// <param name="Behind">Units an update would change (their template version is newer, or their files differ from the update).</param>
/// <param name="Bases">New renders of files written with other content (merged or conflicted): stored as git blobs on apply, so the next update finds its base.</param>
public sealed record UpdatePlan(Plan Plan, IReadOnlyList<string> Conflicts, IReadOnlyList<string> Notes, IReadOnlyList<string> Behind, IReadOnlyList<byte[]> Bases);
