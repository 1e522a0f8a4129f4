namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF034: a path <c>check</c> did not read: a FIFO, device or socket, a symbolic link leading out of the repository
/// or back to a folder above it, or a file over the read limit. The checker reports these itself while it walks and reads.
/// </summary>
public sealed class SkippedPathRule : ICheckRule
{
    /// <inheritdoc />
    public string Id => "SCF034";

    /// <inheritdoc />
    public string Title => "Path not checked";

    /// <inheritdoc />
    public string Principle => "Everything as Code: what is in git is plain files in the repository";

    /// <inheritdoc />
    public string Rationale => "A FIFO, device or socket is not a manifest and opening one can hang; a link out of the repository points at files git does not hold; a link to a folder above it is a cycle; a file over the read limit is not a hand-written manifest. None of them is read, so none of them is checked.";

    /// <inheritdoc />
    public Severity Severity => Severity.Note;

    /// <inheritdoc />
    public string Fix => "Replace the link or special file with the file itself, remove it, or raise --max-file-size for a large file.";
}
