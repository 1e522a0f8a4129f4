using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// The real file system, numbering every change it makes (write, create, move, delete, new file, append) so a test can
/// act at step N: <paramref name="beforeStep"/> runs before the change (throw to make that step fail), and
/// <paramref name="afterStep"/> after it (for example to swap a folder for a link between two steps).
/// </summary>
internal sealed class SteppingFileSystem(Action<int>? beforeStep = null, Action<int>? afterStep = null) : IFileSystem
{
    private static readonly PhysicalFileSystem Inner = PhysicalFileSystem.Instance;
    private int steps;

    /// <summary>The number of changes made (or attempted) so far.</summary>
    public int Steps => steps;

    /// <summary>The step that appended the journal's <c>commit</c> record (0 before it).</summary>
    public int CommitStep { get; private set; }

    /// <summary>Dies at change number <paramref name="dieAt"/>: that change and every later one fail, as if the process had been killed.</summary>
    public static SteppingFileSystem DyingAt(int dieAt) => new(beforeStep: step =>
    {
        if (step >= dieAt)
        {
            throw new IOException($"died at step {dieAt}");
        }
    });

    public bool FileExists(string path) => Inner.FileExists(path);

    public bool DirectoryExists(string path) => Inner.DirectoryExists(path);

    public byte[] ReadAllBytes(string path) => Inner.ReadAllBytes(path);

    public void WriteAllBytes(string path, byte[] content) => Step(() => Inner.WriteAllBytes(path, content));

    public void CreateDirectory(string path) => Step(() => Inner.CreateDirectory(path));

    public void Move(string source, string destination) => Step(() => Inner.Move(source, destination));

    public void DeleteFile(string path) => Step(() => Inner.DeleteFile(path));

    public void DeleteDirectory(string path) => Step(() => Inner.DeleteDirectory(path));

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive) => Inner.EnumerateFiles(directory, recursive);

    public IEnumerable<string> EnumerateDirectories(string directory) => Inner.EnumerateDirectories(directory);

    public IEnumerable<DirectoryEntry> EnumerateEntries(string directory) => Inner.EnumerateEntries(directory);

    public string? GetLinkTarget(string path) => Inner.GetLinkTarget(path);

    public void WriteNewFile(string path, byte[] content, UnixFileMode? mode) => Step(() => Inner.WriteNewFile(path, content, mode));

    public void AppendAllBytes(string path, byte[] content) => Step(() =>
    {
        Inner.AppendAllBytes(path, content);
        if (content.AsSpan().SequenceEqual(ApplyJournal.CommitRecord))
        {
            CommitStep = steps;
        }
    });

    public UnixFileMode? GetUnixFileMode(string path) => Inner.GetUnixFileMode(path);

    public void FlushToDisk(string path) => Inner.FlushToDisk(path);

    private void Step(Action action)
    {
        var step = Interlocked.Increment(ref steps);
        beforeStep?.Invoke(step);
        action();
        afterStep?.Invoke(step);
    }
}
