using System.Text;

namespace Scaffolder.Core.Config;

/// <summary>
/// The Renovate config <c>scaffold init</c> writes (embedded from docs/renovate/renovate.json): a customManagers regex
/// that makes the <c># renovate:</c> comments of versions.env work.
/// </summary>
public static class RenovateConfig
{
    /// <summary>The file <c>init</c> writes at the repository root.</summary>
    public const string FileName = "renovate.json";

    /// <summary>
    /// The config file names Renovate looks for (docs.renovatebot.com/configuration-options); when one exists the
    /// repository has its own config and <c>init</c> leaves it alone.
    /// </summary>
    public static IReadOnlyList<string> KnownFileNames { get; } =
    [
        FileName, "renovate.json5", ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json",
        ".gitlab/renovate.json5", ".renovaterc", ".renovaterc.json", ".renovaterc.json5",
    ];

    /// <summary>The config text.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(RenovateConfig).Assembly.GetManifestResourceStream("resources/renovate.json")
            ?? throw new InvalidOperationException("embedded Renovate config missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
