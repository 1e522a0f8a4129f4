using Scaffolder.Core.IO;

namespace Scaffolder.Core.Check;

/// <summary>The repo being checked: its root, file system and conventions.</summary>
/// <param name="Root">The absolute repo root.</param>
/// <param name="FileSystem">The file system all reads go through.</param>
/// <param name="Conventions">The conventions of the run.</param>
public sealed record RepoContext(string Root, IFileSystem FileSystem, CheckConventions Conventions)
{
    /// <summary>The directory listings of the run, shared by the walk and the rules.</summary>
    public DirectoryListings Listings { get; } = new(FileSystem);

    /// <summary>The bounded, link-confined reader every file the run reads goes through.</summary>
    public RepoFileReader Files { get; init; } = new(FileSystem, Root);

    /// <summary>Returns the absolute native path of a repo-relative path.</summary>
    public string AbsolutePath(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
}
