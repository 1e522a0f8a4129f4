namespace Scaffolder.Core.Editing;

/// <summary>
/// A kind of file a template names with <c>kind:</c> on a file or an edit: what its rendered text goes through
/// before it is planned (the engine itself knows no file name or extension).
/// </summary>
public interface IFileKind
{
    /// <summary>The id templates name (<c>hcl</c>).</summary>
    string Name { get; }

    /// <summary>The rendered text as it is written (for example, attributes aligned).</summary>
    string Format(string rendered);
}
