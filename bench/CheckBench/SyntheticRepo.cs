using System.Globalization;

/// <summary>Writes a synthetic repo of compliant app folders.</summary>
internal static class SyntheticRepo
{
    public const int ManifestsPerApp = 11;

    public static void Write(string root, int apps)
    {
        var clean = Path.Combine(AppContext.BaseDirectory, "template");
        for (var i = 0; i < apps; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"app-{i}");
            var folder = Path.Combine(root, "kubernetes", "clusters", "live", "apps", name);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(clean))
            {
                var text = File.ReadAllText(file).Replace("miniflux", name, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(file).Replace("miniflux", name, StringComparison.Ordinal)), text);
            }
        }
    }
}
