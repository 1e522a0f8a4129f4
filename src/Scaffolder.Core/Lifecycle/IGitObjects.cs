namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// What the lifecycle needs from git: the object database (the generated content of a file, by its blob id) and a
/// real 3-way file merge. The command line implements it with the <c>git</c> program, hardened against a hostile
/// repository configuration.
/// </summary>
public interface IGitObjects
{
    /// <summary>The blobs of <paramref name="ids"/> found in the repository's object database (ids not there are missing from the result).</summary>
    IReadOnlyDictionary<string, byte[]> ReadBlobs(IReadOnlyCollection<string> ids);

    /// <summary>Stores <paramref name="content"/> as a blob (the base of the next update); false when there is no git repository.</summary>
    bool WriteBlob(byte[] content);

    /// <summary>Merges the changes base → ours and base → theirs (<c>git merge-file</c>); conflicts are written as git-style markers.</summary>
    MergeResult Merge(byte[] baseContent, byte[] ours, byte[] theirs, string path);
}
