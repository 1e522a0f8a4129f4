using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

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
