using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>SCF023 on the app registry: inputs are matched to app folders by path.</summary>
public sealed class AppRegistryTests
{
    [Fact]
    public void Two_inputs_pointing_at_one_folder_are_reported_not_fatal()
    {
        using var repo = new CheckRepo();
        CopyDirectory(CheckRepo.Fixture("clean"), repo.Root);
        var registry = Path.Combine(repo.Root, "kubernetes", "clusters", "live", "apps", "apps-resourceset.yaml");
        var text = File.ReadAllText(registry);
        const string input = "    - name: miniflux\n      path: kubernetes/clusters/live/apps/miniflux\n";
        text.ShouldContain(input);
        File.WriteAllText(registry, text.Replace(input, input + "    - name: miniflux-copy\n      path: kubernetes/clusters/live/apps/miniflux\n", StringComparison.Ordinal));

        var report = repo.Check();

        report.Findings.Select(f => $"{f.RuleId} {f.Message}").ShouldBe([
            "SCF023 Registry input 'miniflux-copy' points at app folder kubernetes/clusters/live/apps/miniflux/, whose name is 'miniflux'.",
        ]);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
