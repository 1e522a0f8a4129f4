using Scaffolder.Core.IO;

namespace Scaffolder.Core.Planning;

/// <summary>
/// Brings back a tree left by an apply that was killed (or lost power): run first, under the repository lock, by every
/// command. An apply that had committed (all its new contents durable) is finished; one that had not, or that was being
/// rolled back, is rolled back. The journal names only repository-relative paths, each checked by <see cref="PathGuard"/>
/// (the journal may come from a repository someone else prepared), and only this tool's temporary files are touched.
/// </summary>
public sealed class InterruptedApply(IFileSystem fileSystem)
{
    /// <summary>Whether <paramref name="repoRoot"/> has anything of an apply left (its folder <c>.scaffold/apply</c>): the cheap test before taking the lock.</summary>
    public bool Pending(string repoRoot) => fileSystem.DirectoryExists(Path.Combine(repoRoot, ApplyJournal.Folder));

    /// <summary>Finishes or rolls back an interrupted apply; the caller holds the repository lock.</summary>
    public RecoveryOutcome Recover(string repoRoot)
    {
        var guard = new PathGuard(fileSystem, repoRoot);
        if (!Pending(repoRoot))
        {
            return new RecoveryOutcome(RecoveryAction.None, 0);
        }

        var staging = StagingFolder(fileSystem, guard, repoRoot);
        var journalPath = Path.Combine(staging, ApplyJournal.FileName);
        if (!fileSystem.FileExists(journalPath))
        {
            // A run killed before writing its journal (nothing placed yet), or after completing (its originals left).
            CleanStaging(staging);
            return new RecoveryOutcome(RecoveryAction.None, 0);
        }

        var journal = ApplyJournal.Parse(fileSystem.ReadAllBytes(journalPath), $"{ApplyJournal.Folder}/{ApplyJournal.FileName}");
        var targets = journal.Files.Select(f => guard.Resolve(f.Path)).ToList();
        foreach (var directory in journal.Directories)
        {
            guard.Resolve(directory);
        }

        var current = targets.Select(t => fileSystem.FileExists(t) ? ApplyJournal.Hash(fileSystem.ReadAllBytes(t)) : null).ToList();
        var finish = journal.Committed && !journal.RollingBack && CanFinish(journal, staging, current);
        if (finish)
        {
            foreach (var directory in journal.Directories)
            {
                fileSystem.CreateDirectory(Path.Combine(repoRoot, directory));
            }

            for (var i = 0; i < journal.Files.Count; i++)
            {
                var temporary = Path.Combine(staging, ApplyJournal.TemporaryName(i));
                if (journal.Files[i].After is null)
                {
                    if (current[i] is not null)
                    {
                        fileSystem.DeleteFile(targets[i]);
                    }
                }
                else if (fileSystem.FileExists(temporary))
                {
                    fileSystem.Move(temporary, targets[i]);
                }
            }
        }
        else
        {
            for (var i = journal.Files.Count - 1; i >= 0; i--)
            {
                var file = journal.Files[i];
                if (current[i] == file.Before || current[i] != file.After)
                {
                    // Untouched by the apply (or changed since by someone else: theirs wins).
                    continue;
                }

                var original = Path.Combine(staging, ApplyJournal.OriginalName(i));
                if (file.Before is null)
                {
                    fileSystem.DeleteFile(targets[i]);
                }
                else if (fileSystem.FileExists(original) && ApplyJournal.Hash(fileSystem.ReadAllBytes(original)) == file.Before)
                {
                    fileSystem.Move(original, targets[i]);
                }
                else
                {
                    throw new ConflictException($"cannot roll back the interrupted apply: the original of {file.Path} is missing from {ApplyJournal.Folder}; restore the file (for example with git) and remove {ApplyJournal.Folder}");
                }
            }

            for (var i = journal.Directories.Count - 1; i >= 0; i--)
            {
                var directory = Path.Combine(repoRoot, journal.Directories[i]);
                if (fileSystem.DirectoryExists(directory) && !fileSystem.EnumerateEntries(directory).Any())
                {
                    fileSystem.DeleteDirectory(directory);
                }
            }
        }

        fileSystem.FlushToDisk(journalPath);
        fileSystem.DeleteFile(journalPath);
        CleanStaging(staging);
        return new RecoveryOutcome(finish ? RecoveryAction.Finished : RecoveryAction.RolledBack, journal.Files.Count);
    }

    /// <summary>
    /// The absolute path of <c>.scaffold/apply</c> (which may not exist yet); refused unless its real location is exactly
    /// there (no link on the way), so the journal and the temporary files never land anywhere else.
    /// </summary>
    internal static string StagingFolder(IFileSystem fileSystem, PathGuard guard, string repoRoot)
    {
        var staging = guard.Resolve($"{ApplyJournal.Folder}/{ApplyJournal.FileName}");
        var folder = Path.GetDirectoryName(staging)!;
        var real = guard.RealPathOf(ApplyJournal.Folder);
        var expected = Path.Combine(guard.RealPathOf(string.Empty), ApplyJournal.Folder.Replace('/', Path.DirectorySeparatorChar));
        return real == expected && fileSystem.GetLinkTarget(folder) is null
            ? folder
            : throw new UserInputException($"refusing to write '{ApplyJournal.Folder}': it is a symbolic link (it leads to {real}); scaffold keeps its journal there");
    }

    /// <summary>Whether every file either still has its new content waiting (and the old content in place) or already holds the new one.</summary>
    private bool CanFinish(ApplyJournal journal, string staging, List<string?> current)
    {
        for (var i = 0; i < journal.Files.Count; i++)
        {
            var file = journal.Files[i];
            var waiting = file.After is null || fileSystem.FileExists(Path.Combine(staging, ApplyJournal.TemporaryName(i)));
            if (!(waiting ? current[i] == file.Before || current[i] == file.After : current[i] == file.After))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes this tool's files from the staging folder, then the folder (and <c>.scaffold</c>) when empty.</summary>
    private void CleanStaging(string staging)
    {
        foreach (var file in fileSystem.EnumerateFiles(staging, recursive: false).ToList())
        {
            var name = Path.GetFileName(file);
            var number = name.EndsWith(ApplyJournal.TemporarySuffix, StringComparison.Ordinal) ? name[..^ApplyJournal.TemporarySuffix.Length]
                : name.EndsWith(ApplyJournal.OriginalSuffix, StringComparison.Ordinal) ? name[..^ApplyJournal.OriginalSuffix.Length]
                : null;
            if (number is { Length: > 0 } && number.All(char.IsAsciiDigit))
            {
                fileSystem.DeleteFile(file);
            }
        }

        foreach (var directory in new[] { staging, Path.GetDirectoryName(staging)! })
        {
            if (fileSystem.DirectoryExists(directory) && !fileSystem.EnumerateEntries(directory).Any())
            {
                fileSystem.DeleteDirectory(directory);
            }
        }
    }
}
