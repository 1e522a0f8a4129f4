using Scaffolder.Core.Text;

namespace Scaffolder.Core.Editing;

/// <summary>
/// A named, small edit of an existing file that changes only the lines it inserts or the value it sets.
/// Returns the unchanged text when the insertion is already there (re-runs are identical).
/// </summary>
public interface IInserter
{
    /// <summary>The name templates use in <c>edits[].inserter</c>.</summary>
    string Name { get; }

    /// <summary>Applies the edit; throws <see cref="UserInputException"/> when the file cannot be edited safely.</summary>
    string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath);

    /// <summary>
    /// Applies several edits with the same arguments, in order, as if <see cref="Apply"/> ran once per insertion.
    /// Inserters that can read the file once for all of them (bulk generation adds hundreds of entries to one
    /// registry) override this; the default applies them one by one.
    /// </summary>
    string ApplyAll(EditableText file, IReadOnlyList<string> insertions, IReadOnlyDictionary<string, string> args, string displayPath) =>
        insertions.Aggregate(file.Text, (text, insertion) => Apply(file.With(text), insertion, args, displayPath));

    /// <summary>
    /// Describes a change <see cref="Apply"/> made (<paramref name="file"/> → <paramref name="updated"/>) for the plan,
    /// or returns null to let the planner describe it from the insertion.
    /// </summary>
    string? Describe(EditableText file, string updated, string insertion, IReadOnlyDictionary<string, string> args, string displayPath) => null;
}
