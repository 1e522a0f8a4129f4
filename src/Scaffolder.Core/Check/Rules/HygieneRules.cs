using System.Text.RegularExpressions;
using Scaffolder.Core.Yaml;

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

/// <summary>SCF029: a manifest file that does not start with <c>---</c>.</summary>
public sealed class DocumentStartRule(CheckConventions conventions) : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF029";

    /// <inheritdoc />
    public string Title => "File does not start with ---";

    /// <inheritdoc />
    public string Principle => "DRY and Code Reuse: one file layout (STACK §7, §8 #15)";

    /// <inheritdoc />
    public string Rationale => "Files of the stack open with `---` (after header comments) so that concatenation and multi-document edits stay valid.";

    /// <inheritdoc />
    public Severity Severity => Severity.Note;

    /// <inheritdoc />
    public string Fix => "Add `---` as the first line after any header comments.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Kind != SourceKind.Yaml || !file.RelativePath.StartsWith(conventions.KubernetesPath, StringComparison.Ordinal))
        {
            return;
        }

        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line).Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            if (!text.StartsWith("---", StringComparison.Ordinal))
            {
                sink.Report(this, line, 1, "The first document does not start with `---`.");
            }

            return;
        }
    }
}

/// <summary>SCF030: an ExternalSecret, HTTPRoute, Canary, CNP/CCNP, PrometheusRule or kustomization without a <c>$schema</c> header.</summary>
public sealed class SchemaHeaderRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF030";

    /// <inheritdoc />
    public string Title => "Missing $schema header";

    /// <inheritdoc />
    public string Principle => "Automation is Key: editors validate CRDs through the schema header (STACK §7, §8 #15)";

    /// <inheritdoc />
    public string Rationale => "The `# yaml-language-server: $schema=` header gives completion and validation for custom resources that kubeconform never sees under clusters/*.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Add `# yaml-language-server: $schema=<kubernetes-schemas.pages.dev or schemastore URL>` above the document; `scaffold new ...` templates include it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Root is null || !file.RelativePath.StartsWith(conventions.KubernetesPath, StringComparison.Ordinal))
        {
            return;
        }

        var isKustomization = file.FileName == "kustomization.yaml"
            && (document.Kind is null || document.ApiVersion?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) == true);
        if (!isKustomization && !conventions.SchemaHeaderKinds.Contains(document.Kind ?? string.Empty))
        {
            return;
        }

        for (var line = document.Root.Line - 1; line >= 1; line--)
        {
            var text = file.GetLine(line).Trim();
            if (text.Contains("$schema=", StringComparison.Ordinal))
            {
                return;
            }

            if (!text.IsEmpty && text[0] != '#' && !text.StartsWith("---", StringComparison.Ordinal))
            {
                break;
            }
        }

        sink.Report(this, document.Root, $"{document.Kind ?? "kustomization"} document has no `# yaml-language-server: $schema=` header.");
    }
}

/// <summary>SCF031: a YAML file that does not parse, or a checked file that cannot be read.</summary>
public sealed class YamlSyntaxRule : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF031";

    /// <inheritdoc />
    public string Title => "Unparseable YAML or unreadable file";

    /// <inheritdoc />
    public string Principle => "Everything as Code: what is in git must apply";

    /// <inheritdoc />
    public string Rationale => "A YAML syntax error fails the Flux Kustomization holding the file, and every rule is blind past the error; a file that cannot be read (a dangling link) is not checked at all.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Fix the syntax at the reported line (run yamllint), or the link or permissions of a file that cannot be read.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Yaml?.Error is { } error)
        {
            sink.Report(this, error.Line, error.Column, error.Message);
        }
    }
}

/// <summary>SCF032: a suppression annotation or comment without a reason.</summary>
public sealed class IgnoreReasonRule(CheckConventions conventions) : IManifestRule, IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF032";

    /// <inheritdoc />
    public string Title => "Suppression without reason";

    /// <inheritdoc />
    public string Principle => "Continuous Improvement: exceptions are documented";

    /// <inheritdoc />
    public string Rationale => "A suppression without a reason cannot be reviewed or revisited; it suppresses nothing until a reason is given.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => $"Write the reason after `--`: {conventions.IgnoreAnnotation}: \"SCF001 -- why this is acceptable\".";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Annotations?.Get(conventions.IgnoreAnnotation) is LocatedScalar value && !IgnoreAnnotation.Parse(value.Value).HasReason)
        {
            sink.Report(this, value, $"The annotation {conventions.IgnoreAnnotation}: '{value.Value}' gives no reason after `--`.");
        }
    }

    /// <summary>Reports the <c># scaffold:ignore</c> comments of a file that give no reason.</summary>
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var line in LineSuppression.Find(file))
        {
            if (!line.Ignore.HasReason)
            {
                sink.Report(this, line.CommentLine, 1, $"The comment `# {conventions.IgnoreComment}` on line {line.CommentLine} gives no reason after `--`.");
            }
        }
    }
}

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
