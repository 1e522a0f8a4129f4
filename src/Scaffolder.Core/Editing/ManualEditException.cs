namespace Scaffolder.Core.Editing;

/// <summary>
/// An inserter could not make (all of) its edit because the file does not have the expected shape. It is not an
/// error of the run (the planner always catches it): it keeps <see cref="Partial"/> (what could be edited, or the file unchanged) and adds
/// <see cref="Exception.Message"/>, which says exactly what to add by hand, to the plan's messages.
/// </summary>
public sealed class ManualEditException : Exception
{
    /// <summary>Creates the exception with the by-hand instruction and the text with the part that could be edited.</summary>
    public ManualEditException(string message, string? partial)
        : base(message)
    {
        Partial = partial;
    }

    /// <summary>Creates the exception with the by-hand instruction (nothing could be edited).</summary>
    public ManualEditException(string message)
        : this(message, (string?)null)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers); prefer the other constructors.</summary>
    public ManualEditException()
        : this(string.Empty, (string?)null)
    {
    }

    /// <summary>Creates the exception wrapping another (for analyzers); prefer the other constructors.</summary>
    public ManualEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file's text with the entries that could be inserted, or null when nothing was changed.</summary>
    public string? Partial { get; }
}
