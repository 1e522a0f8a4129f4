using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF015: an image uses the <c>latest</c> tag.</summary>
public sealed class LatestTagRule : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF015";

    /// <inheritdoc />
    public string Title => "Image tag 'latest'";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades must be declarative, via Renovate (STACK §8 #9)";

    /// <inheritdoc />
    public string Rationale => "'latest' changes under the cluster without a commit: upgrades are neither reviewed nor reversible.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Pin a version with a `# renovate: datasource=docker depName=<image>` comment above `tag:`, or use tag: \"${<app>_version}\" from versions.env.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var map in document.Mappings)
        {
            foreach (var entry in map.Entries)
            {
                var key = entry.Key.Value;
                var value = entry.Value.Text;
                if (value is null)
                {
                    continue;
                }

                var isLatest = key == "tag" ? value == "latest"
                    : key is "image" or "imageName" && value.EndsWith(":latest", StringComparison.Ordinal);
                if (isLatest)
                {
                    sink.Report(this, entry.Value, key == "tag" ? "Image tag 'latest' is not a pinned version." : $"Image '{value}' is not pinned to a version.");
                }
            }
        }
    }
}

/// <summary>SCF016: a literal image tag without a <c># renovate:</c> comment directly above it.</summary>
public sealed class RenovateTagRule : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF016";

    /// <inheritdoc />
    public string Title => "Image tag without renovate comment";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades declarative via Renovate (STACK §6, §8 #9)";

    /// <inheritdoc />
    public string Rationale => "Renovate only finds literal tags through the `# renovate:` comment directly above `tag:`; without it the version silently ages.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Add `# renovate: datasource=docker depName=<repository>` on the line above `tag:`, or use tag: \"${<app>_version}\".";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        var isValues = Manifests.ChartValues(document) is not null;
        foreach (var map in document.Mappings)
        {
            // In chart values, an image written as one string (image: repo:tag) needs the comment too: Renovate's
            // helm-values manager only reads it through the comment.
            if (isValues && map.GetEntry("image") is { Value: LocatedScalar image } imageEntry && LiteralTag(image.Value) is { } imageTag
                && !file.GetLine(imageEntry.Key.Line - 1).TrimStart().StartsWith("# renovate:", StringComparison.Ordinal))
            {
                sink.Report(this, imageEntry.Key, $"Literal tag '{imageTag}' of image '{image.Value}' has no `# renovate:` comment directly above it.");
                continue;
            }

            if (map.Get("repository") is null || map.GetEntry("tag") is not { Value: LocatedScalar tag } entry)
            {
                continue;
            }

            var literal = tag.Value.Length > 0 && tag.Value != "latest" && !tag.Value.Contains("${", StringComparison.Ordinal);
            if (literal && !file.GetLine(entry.Key.Line - 1).TrimStart().StartsWith("# renovate:", StringComparison.Ordinal))
            {
                sink.Report(this, entry.Key, $"Literal tag '{tag.Value}' of '{map.Get("repository")?.Text}' has no `# renovate:` comment directly above it.");
            }
        }
    }

    /// <summary>The literal tag of a one-string image reference (<c>repo:tag</c>), or null (no tag, a variable, or latest).</summary>
    private static string? LiteralTag(string image)
    {
        var colon = image.LastIndexOf(':');
        if (colon < 0 || colon < image.LastIndexOf('/') || image.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var tag = image[(colon + 1)..];
        return tag.Length == 0 || tag == "latest" ? null : tag;
    }

}

/// <summary>SCF017: a versions.env entry not named <c>*_version</c> or not directly under a <c># renovate:</c> line.</summary>
public sealed class VersionsEnvRule(CheckConventions conventions) : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF017";

    /// <inheritdoc />
    public string Title => "versions.env entry without renovate line";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades declarative via Renovate (STACK §6, §8 #9)";

    /// <inheritdoc />
    public string Rationale => "The Renovate regex manager needs `# renovate: datasource=… depName=…` directly above `<name>_version=<value>`; anything else is never updated.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Write `# renovate: datasource=<helm|docker|github-releases|github-tags> depName=<name>` and on the next line `<snake_name>_version=<value>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.FileName != conventions.VersionsFileName)
        {
            return;
        }

        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line).Trim();
            var equals = text.IndexOf('=');
            if (text.IsEmpty || text[0] == '#' || equals <= 0)
            {
                continue;
            }

            var name = text[..equals].ToString();
            var named = name.EndsWith("_version", StringComparison.Ordinal);
            var annotated = file.GetLine(line - 1).TrimStart().StartsWith("# renovate:", StringComparison.Ordinal);
            if (!named || !annotated)
            {
                var problem = (named, annotated) switch
                {
                    (false, false) => "is not named *_version and has no `# renovate:` line above it",
                    (false, true) => "is not named *_version",
                    _ => "has no `# renovate:` line directly above it",
                };
                sink.Report(this, line, 1, $"Entry '{name}' {problem}.");
            }
        }
    }
}

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
        if (file.FileName != conventions.VersionsFileName)
        {
            return;
        }

        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLine(line).Trim();
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
