using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Scaffolder.Core.Lifecycle;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// <see cref="IGitObjects"/> through the <c>git</c> program, treating the repository's configuration as hostile: every
/// run disables fsmonitor and hooks, uses no pager, ignores the system and global configuration, never prompts, and
/// uses only plumbing that runs no filters, drivers or external programs (<c>cat-file --batch</c>,
/// <c>hash-object --no-filters</c>, <c>merge-file</c> on temporary files outside the repository).
/// </summary>
internal sealed class GitProcess(string repoRoot) : IGitObjects
{
    private static readonly string[] Hardening = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat", "--no-pager"];

    public IReadOnlyDictionary<string, byte[]> ReadBlobs(IReadOnlyCollection<string> ids)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var input = Encoding.ASCII.GetBytes(string.Concat(ids.Select(id => id + "\n")));
        var output = Run(repoRoot, ["cat-file", "--batch"], input, out var code);
        if (code != 0 || output is null)
        {
            return found;
        }

        // Each answer: "<id> blob <size>\n<content>\n", or "<id> missing\n".
        var position = 0;
        while (position < output.Length)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
            {
                break;
            }

            var header = Encoding.ASCII.GetString(output, position, end - position).Split(' ');
            position = end + 1;
            if (header is [var id, "blob", var size] && int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && position + length <= output.Length)
            {
                found[id] = output[position..(position + length)];
                position += length + 1;
            }
        }

        return found;
    }

    public bool WriteBlob(byte[] content)
    {
        Run(repoRoot, ["hash-object", "-w", "--no-filters", "--stdin"], content, out var code);
        return code == 0;
    }

    public MergeResult Merge(byte[] baseContent, byte[] ours, byte[] theirs, string path)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scaffold-merge-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "ours"), ours);
            File.WriteAllBytes(Path.Combine(folder, "base"), baseContent);
            File.WriteAllBytes(Path.Combine(folder, "theirs"), theirs);
            var merged = Run(
                folder,
                ["merge-file", "-p", "-L", $"ours ({path}, the file now)", "-L", "base (as generated)", "-L", "theirs (the template today)", "ours", "base", "theirs"],
                null,
                out var code);

            // merge-file exits with the number of conflicts (0-127), and with a larger value on failure.
            return merged is not null && code is >= 0 and < 128
                ? new MergeResult(merged, code)
                : throw new IOException($"git merge-file failed on {path} (exit {code}); is git installed?");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[]? Run(string workingDirectory, string[] args, byte[]? input, out int exitCode)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Hardening.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        foreach (var inherited in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_EXTERNAL_DIFF" })
        {
            start.Environment.Remove(inherited);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var writer = Task.Run(() =>
            {
                try
                {
                    using var stdin = process.StandardInput.BaseStream;
                    if (input is not null)
                    {
                        stdin.Write(input);
                    }
                }
                catch (IOException)
                {
                    // git exited without reading its input (not a repository): its exit code says so.
                }
            });
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            writer.Wait();
            error.Wait();
            process.WaitForExit();
            exitCode = process.ExitCode;
            return output.ToArray();
        }
        catch (Win32Exception)
        {
            // git is not installed: no object database, no merge.
            exitCode = -1;
            return null;
        }
    }
}
