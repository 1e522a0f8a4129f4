using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF003: a SOPS-encrypted file is committed (a YAML document with SOPS metadata, or a SOPS dotenv file).</summary>
public sealed class SopsRule : IManifestRule, IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF003";

    /// <inheritdoc />
    public string Title => "SOPS-encrypted secret in git";

    /// <inheritdoc />
    public string Principle => "New Secret: never commit to git, not even encrypted";

    /// <inheritdoc />
    public string Rationale => "Encrypted secrets in git still leak on key compromise and cannot be rotated out of history; the stack keeps secrets in AWS SSM.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Put the values in SSM, delete the file, and reference them with `scaffold new secret <name> --app <app> --key <KEY>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Map?.GetEntry("sops") is { Value: LocatedMapping sops } entry
            && (sops.Get("mac") is not null || document.Root!.Descendants().Any(n => n.Text?.StartsWith("ENC[", StringComparison.Ordinal) == true)))
        {
            sink.Report(this, entry.Key, "The document is SOPS-encrypted.");
        }
    }

    /// <summary>A dotenv file encrypted by SOPS carries its metadata as <c>sops_mac=ENC[...]</c>.</summary>
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Kind != SourceKind.Env)
        {
            return;
        }

        for (var at = file.Text.IndexOf("sops_mac=", StringComparison.Ordinal); at >= 0; at = file.Text.IndexOf("sops_mac=", at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || file.Text[at - 1] == '\n')
            {
                var (line, column) = file.LocationOf(at);
                sink.Report(this, line, column, "The dotenv file is SOPS-encrypted.");
                return;
            }
        }
    }
}
