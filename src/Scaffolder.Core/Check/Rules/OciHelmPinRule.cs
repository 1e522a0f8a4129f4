namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF035: a versions.env pin of an OCI artifact with <c>datasource=helm</c>, which Renovate never updates.</summary>
public sealed class OciHelmPinRule(CheckConventions conventions) : IFileRule
{
    private const string Marker = "# renovate:";
    private const string OciScheme = "oci://";

    /// <inheritdoc />
    public string Id => "SCF035";

    /// <inheritdoc />
    public string Title => "OCI pin with datasource helm";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades declarative via Renovate (STACK §6, §8 #9)";

    /// <inheritdoc />
    public string Rationale => "Renovate's helm datasource only fetches index.yaml from registryUrl, which an OCI registry does not serve: the pin is never updated.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Pin the OCI chart as `# renovate: datasource=docker depName=<chart> packageName=<registry host/path>/<chart>` (e.g. packageName=ghcr.io/bjw-s-labs/helm/app-template).";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var (line, text) in VersionsFileLines.Of(file, conventions))
        {
            if (!text.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var fields = Fields(text[Marker.Length..].ToString());
            if (fields.GetValueOrDefault("datasource") == "helm"
                && fields.GetValueOrDefault("registryUrl") is { } registry && registry.StartsWith(OciScheme, StringComparison.Ordinal))
            {
                var depName = fields.GetValueOrDefault("depName") ?? "<chart>";
                sink.Report(this, line, 1,
                    $"Pin '{depName}' reads the OCI registry {registry} with datasource helm; write datasource=docker depName={depName} packageName={registry[OciScheme.Length..].TrimEnd('/')}/{depName}.");
            }
        }
    }

    /// <summary>The <c>key=value</c> fields of a renovate comment (other words are ignored).</summary>
    private static Dictionary<string, string> Fields(string comment)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in comment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields.TryAdd(word[..equals], word[(equals + 1)..]);
            }
        }

        return fields;
    }
}
