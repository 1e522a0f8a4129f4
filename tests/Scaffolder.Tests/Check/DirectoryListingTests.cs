using Scaffolder.Core.Check;
using Scaffolder.Core.IO;

namespace Scaffolder.Tests.Check;

/// <summary>The one-pass directory listing of the walk, and the kustomization rule answering from it.</summary>
public sealed class DirectoryListingTests
{
    private const string Kustomization = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - a.yaml
          - missing.yaml
          - sub
          - link-to-sub
          - link-to-a.yaml
          - dangling
          - ../other/b.yaml
          - ../other/gone.yaml
        """;

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

    [Fact]
    public void Entries_are_classified_like_EnumerateFiles_and_EnumerateDirectories()
    {
        using var repo = LinkedRepo();
        var directory = Path.Combine(repo.Root, "kubernetes", "app");
        var fs = PhysicalFileSystem.Instance;

        var entries = fs.EnumerateEntries(directory).ToList();

        entries.Where(e => !e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal)
            .ShouldBe(fs.EnumerateFiles(directory, recursive: false).Order(StringComparer.Ordinal));
        entries.Where(e => e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal)
            .ShouldBe(fs.EnumerateDirectories(directory).Order(StringComparer.Ordinal));
        entries.Select(e => Path.GetFileName(e.Path)).ShouldContain(".hidden.yaml");
        entries.ShouldContain(new DirectoryEntry(Path.Combine(directory, "link-to-sub"), true));
        entries.ShouldContain(new DirectoryEntry(Path.Combine(directory, "dangling"), false));
    }

    [Fact]
    public void A_directory_is_listed_once_whatever_its_trailing_separator()
    {
        using var repo = new CheckRepo().Write("a/b.yaml", ConfigMap);
        var listings = new DirectoryListings(PhysicalFileSystem.Instance);

        var first = listings.List(Path.Combine(repo.Root, "a"));

        listings.List(Path.Combine(repo.Root, "a") + Path.DirectorySeparatorChar).ShouldBeSameAs(first);
        first.ShouldBe([new DirectoryEntry(Path.Combine(repo.Root, "a", "b.yaml"), false)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Kustomization_reports_missing_references_and_unlisted_files_from_a_walk_or_alone(int jobs)
    {
        using var repo = LinkedRepo();
        var checker = new RepoChecker(PhysicalFileSystem.Instance, CheckConventions.Default);
        var options = new CheckOptions { RuleIds = ["SCF025"], MaxParallelism = jobs };

        var walked = checker.Check(repo.Root, [], options).Findings.Select(f => f.Message).ToList();
        var alone = checker.Check(repo.Root, ["kubernetes/app/kustomization.yaml"], options).Findings.Select(f => f.Message).ToList();

        walked.ShouldBe(
            [
                "'missing.yaml' does not exist.",
                "'../other/gone.yaml' does not exist.",
                "'c.yaml' is in the directory but not listed.",
            ],
            ignoreOrder: true);
        alone.ShouldBe(walked, ignoreOrder: true);
    }

    // An app directory with a file, a hidden file, an unlisted file, a sub-directory, links to both and a dangling link.
    private static CheckRepo LinkedRepo()
    {
        var repo = new CheckRepo()
            .Write("kubernetes/app/kustomization.yaml", Kustomization)
            .Write("kubernetes/app/a.yaml", ConfigMap)
            .Write("kubernetes/app/c.yaml", ConfigMap)
            .Write("kubernetes/app/.hidden.yaml", ConfigMap)
            .Write("kubernetes/app/sub/d.yaml", ConfigMap)
            .Write("kubernetes/other/b.yaml", ConfigMap);
        var app = Path.Combine(repo.Root, "kubernetes", "app");
        File.CreateSymbolicLink(Path.Combine(app, "link-to-sub"), "sub");
        File.CreateSymbolicLink(Path.Combine(app, "link-to-a.yaml"), "a.yaml");
        File.CreateSymbolicLink(Path.Combine(app, "dangling"), "nowhere.yaml");
        return repo;
    }
}
