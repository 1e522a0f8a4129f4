using System.Text.RegularExpressions;
using Scaffolder.Core.Check.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF002: a Secret holds literal data, or is neither generated nor replicated.</summary>
public sealed class LiteralSecretRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF002";

    /// <inheritdoc />
    public string Title => "Secret with literal data";

    /// <inheritdoc />
    public string Principle => "New Secret: store in AWS SSM, never commit to git (STACK §8 #2)";

    /// <inheritdoc />
    public string Rationale => "A Secret in git leaks its value to everyone with read access, forever. Secrets come from SSM (ExternalSecret), secret-generator or kubernetes-replicator.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Move the value to SSM and reference it: `scaffold new secret <name> --app <app> --key <KEY>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, YamlDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind != "Secret" || document.Map is not { } map)
        {
            return;
        }

        var name = document.Name;
        if (map.GetEntry("data") is { Value: YamlMapping { Entries.Count: > 0 } data } dataEntry)
        {
            sink.Report(this, dataEntry.Key, $"Secret '{name}' holds literal data ({Keys(data)}).");
            return;
        }

        if (map.Get("stringData") is YamlMapping stringData
            && stringData.Entries.FirstOrDefault(e => !conventions.AllowedStringDataKeys.Contains(e.Key.Value)) is { } literal)
        {
            sink.Report(this, literal.Key, $"Secret '{name}' holds literal stringData '{literal.Key.Value}' (only {string.Join("/", conventions.AllowedStringDataKeys)} may be literal).");
            return;
        }

        if (Manifests.Annotation(document, conventions.SecretGeneratorAnnotation) is null
            && Manifests.Annotation(document, conventions.ReplicateFromAnnotation) is null)
        {
            var at = map.At("metadata", "name") ?? map;
            sink.Report(this, at, $"Secret '{name}' is neither generated ({conventions.SecretGeneratorAnnotation}) nor replicated ({conventions.ReplicateFromAnnotation}).");
        }
    }

    private static string Keys(YamlMapping data) => string.Join(", ", data.Entries.Select(e => e.Key.Value));
}

/// <summary>SCF003: a SOPS-encrypted file is committed.</summary>
public sealed class SopsRule : IManifestRule
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
    public void Check(SourceFile file, YamlDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Map?.GetEntry("sops") is { Value: YamlMapping sops } entry
            && (sops.Get("mac") is not null || document.Root!.Descendants().Any(n => n.Text?.StartsWith("ENC[", StringComparison.Ordinal) == true)))
        {
            sink.Report(this, entry.Key, "The document is SOPS-encrypted.");
        }
    }
}

/// <summary>SCF004: a private key or access token is written in a file.</summary>
public sealed partial class CredentialPatternRule : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF004";

    /// <inheritdoc />
    public string Title => "Private key or token in a file";

    /// <inheritdoc />
    public string Principle => "New Secret: never commit to git";

    /// <inheritdoc />
    public string Rationale => "Private keys, GitHub tokens, AWS access keys and Slack tokens in git are compromised the moment they are pushed.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Revoke the credential, store the new one in SSM and reference it: `scaffold new secret <name> --app <app> --key <KEY>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (Match match in CredentialPattern().Matches(file.Text))
        {
            var (line, column) = file.LocationOf(match.Index);
            var what = match.Value.StartsWith("-----", StringComparison.Ordinal) ? "a private key" : "an access token";
            sink.Report(this, line, column, $"The file contains {what} ({match.Value[..Math.Min(8, match.Value.Length)]}…).");
        }
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|\bghp_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}|\bAKIA[0-9A-Z]{16}\b|\bxox[bp]-[A-Za-z0-9-]{10,}", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
