using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Confinement holds when writing, not only when planning: a folder of the plan replaced by a symbolic link (leading
/// out of the repository or elsewhere inside it) after planning, or at any step of the apply, is detected before
/// anything is written through it; the apply aborts and rolls back.
/// </summary>
public sealed class WriteTimeConfinementTests : IDisposable
{
    private const string Apps = "kubernetes/clusters/live/apps";
    private readonly TestRepo repo = TestRepo.FromSample();
    private readonly string outside = Directory.CreateTempSubdirectory("scaffold-outside-").FullName;

    public void Dispose()
    {
        repo.Dispose();
        Directory.Delete(outside, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_folder_replaced_by_a_link_after_planning_aborts_the_apply(bool leadingOutside)
    {
        var before = repo.Snapshot();
        var plan = PlanFor(repo);
        var moved = leadingOutside ? Path.Combine(outside, "apps") : repo.PathOf("kubernetes/clusters/live/elsewhere");
        var swapped = TestRepo.SnapshotOf(repo.PathOf(Apps));
        Swap(moved);

        Should.Throw<ConflictException>(() => new PlanApplier(PhysicalFileSystem.Instance).Apply(plan)).Message.ShouldContain(Apps);

        ShouldHold(moved, swapped);
        Unswap(moved);
        repo.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_folder_replaced_by_a_link_at_any_step_of_the_apply_is_never_written_through()
    {
        using var probe = TestRepo.FromSample();
        var counter = new SteppingFileSystem();
        new PlanApplier(counter).Apply(PlanFor(probe));
        var steps = counter.Steps;
        steps.ShouldBeGreaterThan(10);

        for (var step = 1; step <= steps; step++)
        {
            using var each = TestRepo.FromSample();
            var before = each.Snapshot();
            var plan = PlanFor(each);
            var moved = Path.Combine(outside, $"apps-{step}");
            SortedDictionary<string, byte[]>? atSwap = null;
            // Right after the step-th change (create folder, write, append, rename, delete), the apps folder becomes a link.
            var fileSystem = new SteppingFileSystem(afterStep: n =>
            {
                if (n == step)
                {
                    Directory.Move(each.PathOf(Apps), moved);
                    Directory.CreateSymbolicLink(each.PathOf(Apps), moved);
                    atSwap = TestRepo.SnapshotOf(moved);
                }
            });

            var failure = Record.Exception(() => new PlanApplier(fileSystem).Apply(plan));

            atSwap.ShouldNotBeNull();
            var now = TestRepo.SnapshotOf(moved);
            foreach (var (path, bytes) in now)
            {
                // Rolling back may remove what was placed before the swap, but nothing new lands behind the link.
                atSwap.ShouldContainKey(path, $"step {step} of {steps}: {path} was written through the link");
                atSwap[path].ShouldBe(bytes, $"step {step} of {steps}: {path}");
            }

            File.Delete(each.PathOf(Apps));
            Directory.Move(moved, each.PathOf(Apps));
            if (failure is null)
            {
                // The swap came after the last rename: the apply was complete, and its files moved with the folder.
                File.Exists(each.PathOf($"{Apps}/wiki/namespace.yaml")).ShouldBeTrue($"step {step} of {steps}");
            }
            else
            {
                failure.ShouldBeOfType<ConflictException>($"step {step} of {steps}");

                // What could not be undone behind the link is undone by the next run, once the folder is back.
                new InterruptedApply(PhysicalFileSystem.Instance).Recover(each.Root).Action.ShouldNotBe(RecoveryAction.Finished, $"step {step} of {steps}");
                each.Snapshot().ShouldBe(before, $"step {step} of {steps}");
            }

            Directory.GetFiles(each.Root, "*.scaffold-tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        }
    }

    private void Swap(string moved)
    {
        Directory.Move(repo.PathOf(Apps), moved);
        Directory.CreateSymbolicLink(repo.PathOf(Apps), moved);
    }

    private void Unswap(string moved)
    {
        File.Delete(repo.PathOf(Apps));
        Directory.Move(moved, repo.PathOf(Apps));
    }

    private static void ShouldHold(string folder, SortedDictionary<string, byte[]> expected)
    {
        var now = TestRepo.SnapshotOf(folder);
        now.Keys.ShouldBe(expected.Keys);
        foreach (var (path, bytes) in expected)
        {
            now[path].ShouldBe(bytes, path);
        }
    }

    private static Plan PlanFor(TestRepo repo)
    {
        var fs = PhysicalFileSystem.Instance;
        var planner = new Planner(fs, TemplateCatalog.Create(fs, repo.Root), new ConfigLoader(fs).Load(repo.Root));
        return planner.Plan(repo.Root, new GenerationRequest("app", "wiki", new Dictionary<string, IReadOnlyList<string>>(), ["live"]));
    }
}
