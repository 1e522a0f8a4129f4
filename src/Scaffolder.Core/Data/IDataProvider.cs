namespace Scaffolder.Core.Data;

/// <summary>
/// Computes data a template cannot express in Scriban (for example the variables declared by an existing
/// module). A template names a provider in its <c>data:</c> section; the result is exposed to its files, edits,
/// includes and messages under the entry's key. Results are plain trees: strings, booleans, lists and
/// string-keyed dictionaries.
/// </summary>
public interface IDataProvider
{
    /// <summary>The name templates use in <c>data.&lt;key&gt;.provider</c>.</summary>
    string Name { get; }

    /// <summary>Computes the data; throws <see cref="UserInputException"/> for bad arguments or unreadable input.</summary>
    object? Load(IReadOnlyDictionary<string, string> args, DataContext context);
}
