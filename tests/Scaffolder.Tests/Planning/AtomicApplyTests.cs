using System.Diagnostics;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Tests.Planning;

public sealed class AtomicApplyTests
{
    private static readonly GenerationRequest App = new("app", "demo", new Dictionary<string, IReadOnlyList<string>>(), ["live", "dev"]);

    /// <summary>Fails the N-th mutating call (write, move, create directory) on <paramref name="inner"/>.</summary>
    private sealed class FailingFileSystem(int failAt, IFileSystem? inner = null) : IFileSystem
    {
        private readonly IFileSystem files = inner ?? PhysicalFileSystem.Instance;
        private int calls;

        public int Calls => calls;

        public bool FileExists(string path) => files.FileExists(path);

        public bool DirectoryExists(string path) => files.DirectoryExists(path);

        public byte[] ReadAllBytes(string path) => files.ReadAllBytes(path);

        public void WriteAllBytes(string path, byte[] content)
        {
            Step();
            files.WriteAllBytes(path, content);
        }

        public void CreateDirectory(string path)
        {
            Step();
            files.CreateDirectory(path);
        }

        public void Move(string source, string destination)
        {
            Step();
            files.Move(source, destination);
        }

        public void DeleteFile(string path) => files.DeleteFile(path);

        public void DeleteDirectory(string path) => files.DeleteDirectory(path);

        public IEnumerable<string> EnumerateFiles(string directory, bool recursive) => files.EnumerateFiles(directory, recursive);

        public IEnumerable<string> EnumerateDirectories(string directory) => files.EnumerateDirectories(directory);

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory) => files.EnumerateEntries(directory);

        public string? GetLinkTarget(string path) => files.GetLinkTarget(path);

        private void Step()
        {
            // Thread-safe: large plans write and rename on every core.
            if (Interlocked.Increment(ref calls) == failAt)
            {
                throw new IOException($"injected failure at step {failAt}");
            }
        }
    }

    [Fact]
    public void A_failure_at_any_step_leaves_the_tree_byte_identical()
    {
        var probe = MemoryRepo.FromSample();
        var counter = new FailingFileSystem(int.MaxValue, probe.FileSystem);
        new PlanApplier(counter).Apply(PlanFor(probe.FileSystem, probe.Root));
        var steps = counter.Calls;
        steps.ShouldBeGreaterThan(20, "a two-cluster app plan has many steps");

        // Every step on an in-memory copy; the first, a middle and the last one on disk too.
        for (var step = 1; step <= steps; step++)
        {
            var repo = MemoryRepo.FromSample();
            var before = repo.Snapshot();
            var plan = PlanFor(repo.FileSystem, repo.Root);

            Should.Throw<IOException>(() => new PlanApplier(new FailingFileSystem(step, repo.FileSystem)).Apply(plan));

            repo.Snapshot().ShouldBe(before, $"tree changed after a failure at step {step} of {steps}");
            repo.FileSystem.DirectoryExists(repo.PathOf("kubernetes/clusters/dev")).ShouldBeFalse($"created folders are removed (step {step})");
        }

        foreach (var step in new[] { 1, steps / 2, steps })
        {
            using var repo = TestRepo.FromSample();
            var before = repo.Snapshot();
            var plan = PlanFor(repo);

            Should.Throw<IOException>(() => new PlanApplier(new FailingFileSystem(step)).Apply(plan));

            repo.Snapshot().ShouldBe(before, $"tree on disk changed after a failure at step {step} of {steps}");
            Directory.Exists(repo.PathOf("kubernetes/clusters/dev")).ShouldBeFalse($"created folders are removed from disk (step {step})");
        }
    }

    [Fact]
    public void A_failure_in_a_large_parallel_apply_leaves_the_tree_byte_identical()
    {
        using var probe = TestRepo.FromSample();
        var counter = new FailingFileSystem(int.MaxValue);
        var probePlan = BulkPlanFor(probe);
        var writes = probePlan.Changes.Count(c => c.Action is ChangeAction.Create or ChangeAction.Update);
        writes.ShouldBeGreaterThanOrEqualTo(LargePlans.ParallelFrom, "the plan must be large enough to take the parallel path");
        new PlanApplier(counter).Apply(probePlan);
        var steps = counter.Calls;

        // Directory creations come first, then one write per file, then one rename per file: fail in each phase.
        foreach (var step in new[] { 1, steps - (2 * writes) + 1, steps - writes - (writes / 2), steps - writes, steps - writes + 1, steps - (writes / 3), steps })
        {
            using var repo = TestRepo.FromSample();
            var before = repo.Snapshot();
            var plan = BulkPlanFor(repo);

            Should.Throw<IOException>(() => new PlanApplier(new FailingFileSystem(step)).Apply(plan)).Message.ShouldBe($"injected failure at step {step}");

            repo.Snapshot().ShouldBe(before, $"tree changed after a failure at step {step} of {steps}");
            Directory.GetFiles(repo.Root, "*.scaffold-tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_file_changed_after_planning_aborts_the_apply()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();
        var plan = PlanFor(repo);
        var resourceSet = "kubernetes/clusters/live/apps/apps-resourceset.yaml";
        var changed = repo.Read(resourceSet) + "# edited meanwhile\n";
        repo.Write(resourceSet, changed);

        Should.Throw<ConflictException>(() => new PlanApplier(PhysicalFileSystem.Instance).Apply(plan)).Message.ShouldContain("changed while scaffold was planning");

        before[resourceSet] = changed;
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Eight_concurrent_processes_serialize_on_the_lock()
    {
        using var repo = TestRepo.FromSample();
        Directory.CreateDirectory(repo.PathOf(".git"));
        var cli = Path.Combine(AppContext.BaseDirectory, "scaffold.dll");
        var processes = Enumerable.Range(1, 8).Select(i => Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "new", "app", $"app{i}", "--repo", repo.Root])
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
        for (var i = 1; i <= 8; i++)
        {
            Directory.GetFiles(repo.PathOf($"kubernetes/clusters/live/apps/app{i}")).Length.ShouldBe(7);
            repo.Read("kubernetes/clusters/live/versions.env").ShouldContain($"app{i}_version=0.1.0");
        }

        Directory.GetFiles(repo.Root, "*.scaffold-tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private static Plan BulkPlanFor(TestRepo repo)
    {
        var fs = PhysicalFileSystem.Instance;
        var planner = new Planner(fs, TemplateCatalog.Create(fs, repo.Root), new ConfigLoader(fs).Load(repo.Root));
        var requests = Enumerable.Range(1, 24).Select(i => App with { Name = $"bulk{i}" }).ToList();
        return planner.Plan(repo.Root, requests, i => $"entry {i + 1}", force: false);
    }

    private static Plan PlanFor(TestRepo repo) => PlanFor(PhysicalFileSystem.Instance, repo.Root);

    private static Plan PlanFor(IFileSystem fs, string root)
    {
        var planner = new Planner(fs, TemplateCatalog.Create(fs, root), new ConfigLoader(fs).Load(root));
        return planner.Plan(root, App);
    }
}
