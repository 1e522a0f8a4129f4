using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

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
