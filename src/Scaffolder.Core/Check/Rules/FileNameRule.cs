using System.Text.RegularExpressions;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF028: a manifest file named <c>.yml</c> or not in lowercase kebab-case.</summary>
public sealed partial class FileNameRule(CheckConventions conventions) : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF028";

    /// <inheritdoc />
    public string Title => "File name not kebab-case .yaml";

    /// <inheritdoc />
    public string Principle => "DRY and Code Reuse: one naming scheme (STACK §7, §8 #15)";

    /// <inheritdoc />
    public string Rationale => "Tooling globs and reviewers expect lowercase kebab-case `.yaml`; `.yml` files are skipped by the validation tasks.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Rename the file to lowercase kebab-case with the .yaml extension (and update its kustomization).";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Kind == SourceKind.Yaml && file.RelativePath.StartsWith(conventions.KubernetesPath, StringComparison.Ordinal)
            && !KebabYaml().IsMatch(file.FileName))
        {
            sink.Report(this, 1, 1, $"'{file.FileName}' is not a lowercase kebab-case .yaml name.");
        }
    }

    [GeneratedRegex(@"^\.?[a-z0-9]+(?:[-.][a-z0-9]+)*\.yaml$")]
    private static partial Regex KebabYaml();
}
