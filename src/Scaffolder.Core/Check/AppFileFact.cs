namespace Scaffolder.Core.Check;

/// <summary>A file of an app folder and whether it declares a HelmRelease or Namespace.</summary>
public sealed record AppFileFact(string Folder, string FileName, bool IsAppManifest, SourceLocation Location);
