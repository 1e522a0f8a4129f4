using System.Security.Cryptography;
using Scaffolder.Core.IO;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Applies a plan all-or-nothing: every new content is first written to a temporary file beside its target, every
/// edited file is re-read and must still hold the bytes it was planned from, then the temporary files are renamed into
/// place, and planned deletions are made. Any failure rolls back what was placed, so the tree is byte-identical to before. Large plans (bulk
/// generation) write and rename on every core: the file system's own work dominates there.
/// </summary>
public sealed class PlanApplier(IFileSystem fileSystem)
{
    /// <summary>Writes the plan; conflicts must have been resolved (forced) before.</summary>
    public void Apply(Plan plan)
    {
        if (plan.HasConflicts)
        {
            throw new ConflictException("the plan has conflicts; nothing was written");
        }

        var writes = plan.Changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Update).ToList();
        var deletes = plan.Changes.Where(c => c.Action == ChangeAction.Delete).ToList();
        var createdDirectories = new List<string>();
        var temporaries = new List<(string Temporary, string Target, PlannedChange Change)>();
        var placed = new List<(string Target, PlannedChange Change)>();
        try
        {
            foreach (var change in writes)
            {
                var target = Path.Combine(plan.RepoRoot, change.Path);
                EnsureDirectory(Path.GetDirectoryName(target)!, createdDirectories);
                var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{RandomNumberGenerator.GetHexString(8, lowercase: true)}.scaffold-tmp");
                temporaries.Add((temporary, target, change));
            }

            LargePlans.For(temporaries.Count, i => fileSystem.WriteAllBytes(temporaries[i].Temporary, temporaries[i].Change.After));

            foreach (var (_, target, change) in temporaries.Concat(deletes.Select(d => (string.Empty, Path.Combine(plan.RepoRoot, d.Path), d))))
            {
                var exists = fileSystem.FileExists(target);
                var unchanged = change.Before is null ? !exists : exists && fileSystem.ReadAllBytes(target).AsSpan().SequenceEqual(change.Before);
                if (!unchanged)
                {
                    throw new ConflictException($"{change.Path} changed while scaffold was planning; nothing was written, run again");
                }
            }

            LargePlans.For(temporaries.Count, i =>
            {
                var (temporary, target, change) = temporaries[i];
                fileSystem.Move(temporary, target);
                lock (placed)
                {
                    placed.Add((target, change));
                }
            });

            foreach (var change in deletes)
            {
                var target = Path.Combine(plan.RepoRoot, change.Path);
                fileSystem.DeleteFile(target);
                placed.Add((target, change));
            }
        }
        catch
        {
            Rollback(temporaries, placed, createdDirectories);
            throw;
        }

        RemoveEmptiedDirectories(plan.RepoRoot, deletes);
    }

    /// <summary>Deletes the folders that deleting files left empty, up to (not including) the repository root.</summary>
    private void RemoveEmptiedDirectories(string repoRoot, List<PlannedChange> deletes)
    {
        var root = Path.GetFullPath(repoRoot).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var folder in deletes.Select(d => Path.GetDirectoryName(Path.Combine(root, d.Path))!).Distinct().OrderByDescending(f => f.Length))
        {
            for (var current = folder; current.Length > root.Length && fileSystem.DirectoryExists(current)
                && !fileSystem.EnumerateEntries(current).Any(); current = Path.GetDirectoryName(current)!)
            {
                Try(() => fileSystem.DeleteDirectory(current));
            }
        }
    }

    private void EnsureDirectory(string directory, List<string> created)
    {
        var missing = new Stack<string>();
        for (var current = directory; !fileSystem.DirectoryExists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        while (missing.Count > 0)
        {
            var next = missing.Pop();
            fileSystem.CreateDirectory(next);
            created.Add(next);
        }
    }

    private void Rollback(
        List<(string Temporary, string Target, PlannedChange Change)> temporaries,
        List<(string Target, PlannedChange Change)> placed,
        List<string> createdDirectories)
    {
        foreach (var (target, change) in Enumerable.Reverse(placed))
        {
            Try(() =>
            {
                if (change.Before is null)
                {
                    fileSystem.DeleteFile(target);
                }
                else
                {
                    fileSystem.WriteAllBytes(target, change.Before);
                }
            });
        }

        foreach (var (temporary, _, _) in temporaries)
        {
            Try(() => fileSystem.DeleteFile(temporary));
        }

        foreach (var directory in Enumerable.Reverse(createdDirectories))
        {
            Try(() => fileSystem.DeleteDirectory(directory));
        }
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (IOException)
        {
            // Best effort: keep rolling back the remaining steps.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort: keep rolling back the remaining steps.
        }
    }
}
