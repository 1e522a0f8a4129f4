using Scaffolder.Core.IO;

namespace Scaffolder.Core.Data;

/// <summary>What a data provider may use: read-only access to the repository, paths checked to stay inside it.</summary>
/// <param name="fileSystem">The file system (providers only read).</param>
/// <param name="repoRoot">The absolute repository root.</param>
/// <param name="templateId">The template asking for the data.</param>
/// <param name="limits">Bounds on the files providers read (the defaults when null).</param>
public sealed class DataContext(IFileSystem fileSystem, string repoRoot, string templateId, InputLimits? limits = null)
{
    private readonly PathGuard guard = new(fileSystem, repoRoot);

    /// <summary>The file system (providers only read).</summary>
    public IFileSystem FileSystem { get; } = fileSystem;

    /// <summary>The absolute repository root (for providers that read repository-wide settings such as the stack catalog).</summary>
    public string RepoRoot { get; } = repoRoot;

    /// <summary>Bounds on the files providers read.</summary>
    public InputLimits Limits { get; } = limits ?? InputLimits.Default;

    /// <summary>The template asking for the data, for error messages.</summary>
    public string TemplateId { get; } = templateId;

    /// <summary>The absolute path of a repository-relative path; paths leaving the repository are refused.</summary>
    public string Resolve(string relativePath) => guard.Resolve(relativePath, "read");

    /// <summary>Returns a required argument or throws a user error naming the template and provider.</summary>
    public string Require(IReadOnlyDictionary<string, string> args, string provider, string name) =>
        args.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new UserInputException($"template '{TemplateId}': data provider '{provider}' needs the argument '{name}'");

    /// <summary>Returns an optional argument, or null when it is absent or empty.</summary>
    public static string? Optional(IReadOnlyDictionary<string, string> args, string name) =>
        args.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
