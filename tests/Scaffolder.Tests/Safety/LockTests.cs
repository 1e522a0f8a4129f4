using System.Diagnostics;
using Scaffolder.Core;
using Scaffolder.Core.IO;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// The repository lock is keyed on the real path of the root: runs through a symbolically linked path and the direct
/// one take turns, in git and non-git folders, and the lock file lives in the temp folder, never in the tree or .git.
/// </summary>
public sealed class LockTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("git folder")]
    [InlineData("git file")]
    public void A_linked_path_and_the_direct_path_share_one_lock(string kind)
    {
        using var repo = Repo(kind);
        var link = repo.Root + "-link";
        Directory.CreateSymbolicLink(link, repo.Root);
        try
        {
            using var held = RepoLock.Acquire(repo.Root, TimeSpan.FromSeconds(5));
            Should.Throw<ConflictException>(() => RepoLock.Acquire(link, TimeSpan.FromMilliseconds(200)));
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("git folder")]
    [InlineData("git file")]
    public void Eight_writers_half_through_a_link_each_land_exactly_once(string kind)
    {
        using var repo = Repo(kind);
        var link = repo.Root + "-link";
        Directory.CreateSymbolicLink(link, repo.Root);
        try
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "scaffold.dll");
            var processes = Enumerable.Range(1, 8).Select(i => Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "new", "app", $"app{i}", "--repo", i % 2 == 0 ? link : repo.Root])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!).ToList();
            foreach (var process in processes)
            {
                var error = process.StandardError.ReadToEnd();
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                process.ExitCode.ShouldBe(0, error);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(repo.Read("kubernetes/clusters/live/apps/apps-resourceset.yaml")));
            var names = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"])["inputs"]).Children
                .Select(i => ((YamlScalarNode)((YamlMappingNode)i)["name"]).Value).ToList();
            names.Order().ShouldBe(new[] { "miniflux" }.Concat(Enumerable.Range(1, 8).Select(i => $"app{i}")).Order());
            var versions = repo.Read("kubernetes/clusters/live/versions.env");
            for (var i = 1; i <= 8; i++)
            {
                versions.Split('\n').Count(l => l.StartsWith($"app{i}_version=", StringComparison.Ordinal)).ShouldBe(1);
            }

            Directory.GetFiles(repo.Root, "*.scaffold-tmp", SearchOption.AllDirectories).ShouldBeEmpty();
            File.Exists(repo.PathOf(".git/scaffold.lock")).ShouldBeFalse();
        }
        finally
        {
            File.Delete(link);
        }
    }

    private static TestRepo Repo(string kind)
    {
        var repo = TestRepo.FromSample();
        if (kind == "git folder")
        {
            repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        }
        else if (kind == "git file")
        {
            repo.Write(".git", "gitdir: /nowhere/.git/worktrees/x\n");
        }

        return repo;
    }
}
