namespace Scaffolder.Core.Lifecycle;

/// <summary>A file the unit owns, with the git blob id of its content as scaffold last wrote it.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Blob">Git blob id (SHA-1, hex) of the generated content.</param>
/// <param name="Template">The template that renders it.</param>
/// <param name="Shared">A shared file (the template's <c>ifExists: skip</c>, such as the apps ResourceSet) that other units may also use.</param>
public sealed record RecordedFile(string Path, string Blob, string Template, bool Shared);
