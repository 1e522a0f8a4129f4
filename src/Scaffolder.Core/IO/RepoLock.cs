using System.Security.Cryptography;
using System.Text;

namespace Scaffolder.Core.IO;

/// <summary>
/// Serializes processes that change the same repository: an exclusive lock on <c>.git/scaffold.lock</c> (or, for a
/// folder that is not a git work tree, a lock file in the temp folder named after the root's path, so nothing
/// untracked appears in the tree), waited for up to a timeout.
/// </summary>
public sealed class RepoLock : IDisposable
{
    private readonly FileStream stream;

    private RepoLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock, retrying until <paramref name="timeout"/>; then fails with a clear message.</summary>
    public static RepoLock Acquire(string repoRoot, TimeSpan timeout)
    {
        var git = Path.Combine(repoRoot, ".git");
        var path = Directory.Exists(git)
            ? Path.Combine(git, "scaffold.lock")
            : Path.Combine(Path.GetTempPath(), $"scaffold-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(repoRoot))))[..16]}.lock");
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
