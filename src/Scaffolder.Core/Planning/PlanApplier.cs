using Scaffolder.Core.IO;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Applies a plan all-or-nothing, and so that an apply killed at any moment can be finished or undone by the next run
/// (<see cref="InterruptedApply"/>):
/// <list type="number">
/// <item>every folder the plan writes into must still be where it was when planned (no folder replaced by a link);</item>
/// <item>the intent journal (<see cref="ApplyJournal"/>) lists the folders to create and every file with the hashes
/// of its content before and after;</item>
/// <item>every new content is written to <c>.scaffold/apply/N.scaffold-tmp</c>, every replaced file's original to
/// <c>N.scaffold-orig</c> (both with the replaced file's mode), and every edited file is re-read and must still hold
/// the bytes it was planned from;</item>
/// <item>the missing folders are created, <c>commit</c> is appended to the journal and one flush of the file system
/// makes all of it durable;</item>
/// <item>the new contents are renamed into place and planned deletions made, each target's folder checked again right
/// before;</item>
/// <item>one more flush, and the journal is removed: the apply is complete.</item>
/// </list>
/// A failure or a cancellation (SIGINT, SIGTERM) rolls back what was placed, so the tree is byte-identical to before.
/// Large plans (bulk generation) write and rename on every core: the file system's own work dominates there.
/// </summary>
public sealed class PlanApplier(IFileSystem fileSystem)
{
    /// <summary>Writes the plan; conflicts must have been resolved (forced) before.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellation">Cancels the apply: what was written is rolled back and <see cref="OperationCanceledException"/> thrown.</param>
    public void Apply(Plan plan, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.HasConflicts)
        {
            throw new ConflictException("the plan has conflicts; nothing was written");
        }

        var writes = plan.Changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete).ToList();
        if (writes.Count == 0)
        {
            return;
        }

        var root = plan.RepoRoot;
        var guard = new PathGuard(fileSystem, root);
        var expected = plan.RealDirectories.Count > 0 ? plan.RealDirectories : RealDirectories(guard, writes);
        var folders = writes.Select(c => Folder(c.Path)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var folder in folders)
        {
            Verify(guard, expected, folder);
        }

        var staging = InterruptedApply.StagingFolder(fileSystem, guard, root);
        var journal = Path.Combine(staging, ApplyJournal.FileName);
        if (fileSystem.FileExists(journal))
        {
            throw new ConflictException($"{ApplyJournal.Folder}/{ApplyJournal.FileName} exists: an earlier apply was interrupted; run scaffold again to recover it first");
        }

        // Every target is the path the guard resolved (and confined) just now, never a second join of root and path.
        var targets = new string[writes.Count];
        LargePlans.For(writes.Count, i => targets[i] = guard.Resolve(writes[i].Path));
        var missing = MissingDirectories(guard, [.. writes.Where(c => !IsDelete(c)).Select(c => Folder(c.Path)).Distinct(StringComparer.Ordinal)]);
        var files = new JournalFile[writes.Count];
        LargePlans.For(writes.Count, i => files[i] = new JournalFile(
            i,
            writes[i].Path,
            writes[i].Before is null ? null : ApplyJournal.Hash(writes[i].Before!),
            IsDelete(writes[i]) ? null : ApplyJournal.Hash(writes[i].After)));

        var state = new State(staging, writes, targets);
        try
        {
            state.StagingCreated.AddRange(MissingDirectories(staging));
            foreach (var directory in state.StagingCreated)
            {
                fileSystem.CreateDirectory(directory);
            }

            fileSystem.WriteNewFile(journal, ApplyJournal.Format(missing, files), null);
            state.JournalWritten = true;
            LargePlans.For(writes.Count, i =>
            {
                cancellation.ThrowIfCancellationRequested();
                var change = writes[i];
                var mode = change.Before is null ? null : fileSystem.GetUnixFileMode(state.Target(i));
                if (change.Before is not null)
                {
                    fileSystem.WriteNewFile(state.Original(i), change.Before, mode);
                }

                if (!IsDelete(change))
                {
                    fileSystem.WriteNewFile(state.Temporary(i), change.After, mode);
                }
            });

            for (var i = 0; i < writes.Count; i++)
            {
                var change = writes[i];
                var target = state.Target(i);
                var exists = fileSystem.FileExists(target);
                var unchanged = change.Before is null ? !exists : exists && fileSystem.ReadAllBytes(target).AsSpan().SequenceEqual(change.Before);
                if (!unchanged)
                {
                    throw new ConflictException($"{change.Path} changed while scaffold was planning; nothing was written, run again");
                }
            }

            foreach (var directory in missing)
            {
                cancellation.ThrowIfCancellationRequested();
                Verify(guard, expected, Folder(directory));
                var created = guard.Resolve(directory);
                fileSystem.CreateDirectory(created);
                state.Created.Add(created);
            }

            cancellation.ThrowIfCancellationRequested();
            fileSystem.AppendAllBytes(journal, ApplyJournal.CommitRecord);
            state.Committed = true;
            fileSystem.FlushToDisk(journal);

            LargePlans.For(writes.Count, i =>
            {
                cancellation.ThrowIfCancellationRequested();
                Verify(guard, expected, Folder(writes[i].Path));
                if (IsDelete(writes[i]))
                {
                    fileSystem.DeleteFile(state.Target(i));
                }
                else
                {
                    fileSystem.Move(state.Temporary(i), state.Target(i));
                }

                state.Placed[i] = true;
            });

            cancellation.ThrowIfCancellationRequested();
            fileSystem.FlushToDisk(journal);
            fileSystem.DeleteFile(journal);
        }
        catch
        {
            Rollback(state, guard, expected);
            throw;
        }

        // The apply is complete: the originals are no longer needed (a run killed here leaves them to the next one).
        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i].Before is not null)
            {
                Try(() => fileSystem.DeleteFile(state.Original(i)));
            }
        }

        RemoveStaging(state);
        RemoveEmptiedDirectories(root, [.. Enumerable.Range(0, writes.Count).Where(i => IsDelete(writes[i])).Select(i => targets[i])]);
    }

    /// <summary>
    /// The real location of every folder the changes write into, and of their parents: a missing folder's is its
    /// parent's followed by its name. <paramref name="guard"/> resolves paths as they are now.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RealDirectories(PathGuard guard, IEnumerable<PlannedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(changes);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Action is not (ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete))
            {
                continue;
            }

            for (var folder = Folder(change.Path); result.TryAdd(folder, string.Empty); folder = Folder(folder))
            {
                result[folder] = guard.RealPathOf(folder);
                if (folder.Length == 0)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The repository-relative folder of a path ('' for the root).</summary>
    internal static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static bool IsDelete(PlannedChange change) => change.Action == ChangeAction.Delete;

    /// <summary>Deletes the folders that deleting the files at <paramref name="deleted"/> left empty, up to (not including) the repository root.</summary>
    private void RemoveEmptiedDirectories(string repoRoot, List<string> deleted)
    {
        var root = Path.GetFullPath(repoRoot).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var folder in deleted.Select(d => Path.GetDirectoryName(d)!).Distinct().OrderByDescending(f => f.Length))
        {
            for (var current = folder; current.Length > root.Length && fileSystem.DirectoryExists(current)
                && !fileSystem.EnumerateEntries(current).Any(); current = Path.GetDirectoryName(current)!)
            {
                Try(() => fileSystem.DeleteDirectory(current));
            }
        }
    }

    private static void Verify(PathGuard guard, IReadOnlyDictionary<string, string> expected, string folder)
    {
        if (expected.TryGetValue(folder, out var planned) && guard.RealPathOf(folder) is var now && now != planned)
        {
            throw new ConflictException($"{(folder.Length == 0 ? "the repository root" : folder)} changed while scaffold was writing (it now leads to {now}, not {planned}); the apply was rolled back, run again");
        }
    }

    /// <summary>The missing folders among <paramref name="folders"/> and their parents, parents first (repository-relative).</summary>
    private List<string> MissingDirectories(PathGuard guard, List<string> folders)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            for (var current = folder; current.Length > 0 && !missing.Contains(current) && !fileSystem.DirectoryExists(guard.Resolve(current)); current = Folder(current))
            {
                missing.Add(current);
            }
        }

        var sorted = missing.ToList();
        sorted.Sort((a, b) => a.Count(c => c == '/') != b.Count(c => c == '/') ? a.Count(c => c == '/').CompareTo(b.Count(c => c == '/')) : string.CompareOrdinal(a, b));
        return sorted;
    }

    /// <summary>The missing folders of an absolute path, parents first.</summary>
    private List<string> MissingDirectories(string directory)
    {
        var missing = new List<string>();
        for (var current = directory; !fileSystem.DirectoryExists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Insert(0, current);
        }

        return missing;
    }

    private void Rollback(State state, PathGuard guard, IReadOnlyDictionary<string, string> expected)
    {
        if (state.Committed)
        {
            Try(() => fileSystem.AppendAllBytes(Path.Combine(state.Staging, ApplyJournal.FileName), ApplyJournal.RollbackRecord));
        }

        var complete = true;
        for (var i = state.Writes.Count - 1; i >= 0; i--)
        {
            if (!state.Placed[i])
            {
                continue;
            }

            // Undoing is writing too: never through a folder that was replaced by a link meanwhile. Such a file is left
            // to the next run, which finds the journal and finishes the roll back once the folder is back.
            try
            {
                Verify(guard, expected, Folder(state.Writes[i].Path));
            }
            catch (ConflictException)
            {
                complete = false;
                continue;
            }

            var index = i;
            Try(() =>
            {
                if (state.Writes[index].Before is null)
                {
                    fileSystem.DeleteFile(state.Target(index));
                }
                else
                {
                    fileSystem.Move(state.Original(index), state.Target(index));
                }
            });
        }

        if (!complete)
        {
            return;
        }

        for (var i = 0; i < state.Writes.Count; i++)
        {
            var index = i;
            Try(() => fileSystem.DeleteFile(state.Temporary(index)));
            Try(() => fileSystem.DeleteFile(state.Original(index)));
        }

        for (var i = state.Created.Count - 1; i >= 0; i--)
        {
            var directory = state.Created[i];
            Try(() => fileSystem.DeleteDirectory(directory));
        }

        if (state.JournalWritten)
        {
            Try(() => fileSystem.DeleteFile(Path.Combine(state.Staging, ApplyJournal.FileName)));
        }

        RemoveStaging(state);
    }

    private void RemoveStaging(State state)
    {
        for (var i = state.StagingCreated.Count - 1; i >= 0; i--)
        {
            var directory = state.StagingCreated[i];
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

    /// <summary>What an apply has done so far, for its roll back.</summary>
    private sealed class State(string staging, List<PlannedChange> writes, string[] targets)
    {
        public string Staging { get; } = staging;

        public List<PlannedChange> Writes { get; } = writes;

        public bool[] Placed { get; } = new bool[writes.Count];

        /// <summary>The folders the apply created (absolute, as the guard resolved them), parents first.</summary>
        public List<string> Created { get; } = [];

        public List<string> StagingCreated { get; } = [];

        public bool JournalWritten { get; set; }

        public bool Committed { get; set; }

        public string Target(int i) => targets[i];

        public string Temporary(int i) => Path.Combine(Staging, ApplyJournal.TemporaryName(i));

        public string Original(int i) => Path.Combine(Staging, ApplyJournal.OriginalName(i));
    }
}
