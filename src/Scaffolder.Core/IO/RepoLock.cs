using System.Security.Cryptography;
using System.Text;
using Scaffolder.Core.Planning;

namespace Scaffolder.Core.IO;

/// <summary>
/// Serializes processes that change the same repository: an exclusive lock on a file in the temp folder named after
/// the repository root's real path (every symbolic link on the way followed), so runs through a linked path and the
/// direct one take turns, in git and non-git folders alike, and nothing is ever written into <c>.git</c> or the tree.
/// The lock is waited for up to a timeout.
/// </summary>
public sealed class RepoLock : IDisposable
{
    private readonly FileStream stream;

    private RepoLock(FileStream stream) => this.stream = stream;

    /// <summary>The lock file of the repository at <paramref name="repoRoot"/>: the same for every path leading to it.</summary>
    private static string PathFor(string repoRoot)
    {
        var real = new PathGuard(PhysicalFileSystem.Instance, repoRoot).RealPathOf(string.Empty);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(real)))[..16];
        return Path.Combine(Path.GetTempPath(), $"scaffold-{key}.lock");
    }

    /// <summary>Takes the lock, retrying until <paramref name="timeout"/>; then fails with a clear message.</summary>
    public static RepoLock Acquire(string repoRoot, TimeSpan timeout)
    {
        var path = PathFor(repoRoot);
        if (new FileInfo(path).LinkTarget is not null)
        {
            // The temp folder is shared: a link planted there must not make the lock open (or create) another file.
            throw new ConflictException($"the lock file {path} is a symbolic link; remove it and run again");
        }

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new RepoLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
            catch (IOException)
            {
                throw new ConflictException($"another scaffold process holds {path} (waited {timeout.TotalSeconds:0} s); try again when it has finished");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();
}
