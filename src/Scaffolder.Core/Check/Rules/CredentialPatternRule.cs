using System.Buffers;
using System.Text.RegularExpressions;

namespace Scaffolder.Core.Check.Rules;

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
    public string Rationale => "Private keys, AWS access keys, GitHub, GitLab, Slack, Stripe and Google API tokens, and JWTs in git are compromised the moment they are pushed.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Revoke the credential, store the new one in SSM and reference it: `scaffold new secret <name> --app <app> --key <KEY>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        // Cheap prefilter: most files hold none of the anchors, and for them the regex never runs.
        if (file.Text.AsSpan().IndexOfAny(Anchors) < 0)
        {
            return;
        }

        foreach (Match match in CredentialPattern().Matches(file.Text))
        {
            var (line, column) = file.LocationOf(match.Index);
            sink.Report(this, line, column, $"The file contains {Describe(match)} ({match.Value[..Math.Min(8, match.Value.Length)]}…).");
        }
    }

    private static string Describe(Match match) =>
        match.Groups["key"].Success ? "a private key"
        : match.Groups["awssecret"].Success ? "an AWS secret access key"
        : match.Groups["jwt"].Success ? "a JSON Web Token"
        : match.Groups["webhook"].Success ? "a Slack webhook URL"
        : "an access token";

    /// <summary>Substrings one of which every match contains; searched vectorized before the regex runs.</summary>
    private static readonly SearchValues<string> Anchors = SearchValues.Create(
        ["PRIVATE KEY", "AKIA", "ASIA", "gho_", "ghp_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "hooks.slack.com", "sk_live_", "rk_live_", "AIza", "eyJ", "secret_access_key", "secretaccesskey", "secret_key"],
        StringComparison.OrdinalIgnoreCase);

    // One regex, alternatives by credential type. The AWS secret access key is recognised only next to its name
    // (a bare 40-character base64 string is too common); its match starts at the name, on the same line as the value.
    [GeneratedRegex(
        @"(?<key>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)"
        + @"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
        + @"|(?<awssecret>\b(?:aws_?)?(?i:secret_?access_?key|secret_key)[""']?[ \t]*[:=][ \t]*[""']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=]))"
        + @"|\bgh[opusr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}|\bglpat-[A-Za-z0-9_-]{20,}"
        + @"|\bxox[abeprs]-[A-Za-z0-9-]{10,}|(?<webhook>https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{20,})"
        + @"|\b[rs]k_live_[A-Za-z0-9]{20,}|\bAIza[0-9A-Za-z_-]{35}"
        + @"|(?<jwt>\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CredentialPattern();
}
