using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scaffolder.Core.Planning;

/// <summary>
/// The intent journal of an apply, in <c>.scaffold/apply/journal</c> beside the apply's new contents
/// (<c>N.scaffold-tmp</c>) and the originals of the files it replaces (<c>N.scaffold-orig</c>). Text, one record a
/// line: a header, the folders to create, one line per file (index, path, SHA-256 of the content before or <c>-</c>
/// when the file is new, SHA-256 of the content after or <c>-</c> when the file is deleted), then <c>end</c>. <c>commit</c> is appended once every new
/// content is written and made durable, before the first rename; <c>rollback</c> when a started apply is undone.
/// </summary>
public sealed class ApplyJournal
{
    /// <summary>The repository-relative folder of the journal and the apply's temporary files.</summary>
    public const string Folder = ".scaffold/apply";

    /// <summary>The journal's file name in <see cref="Folder"/>.</summary>
    public const string FileName = "journal";

    /// <summary>The suffix of an apply's new contents (not yet renamed into place).</summary>
    public const string TemporarySuffix = ".scaffold-tmp";

    /// <summary>The suffix of the originals of the files an apply replaces.</summary>
    public const string OriginalSuffix = ".scaffold-orig";

    private const string Header = "scaffold-apply 1";

    private ApplyJournal(List<string> directories, List<JournalFile> files, bool complete, bool committed, bool rollingBack)
    {
        Directories = directories;
        Files = files;
        Complete = complete;
        Committed = committed;
        RollingBack = rollingBack;
    }

    /// <summary>The folders the apply creates (repository-relative, parents first).</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>The files the apply writes.</summary>
    public IReadOnlyList<JournalFile> Files { get; }

    /// <summary>Whether the whole list was written (the <c>end</c> record).</summary>
    public bool Complete { get; }

    /// <summary>Whether every new content was written and made durable: renames may have started.</summary>
    public bool Committed { get; }

    /// <summary>Whether the apply was being rolled back.</summary>
    public bool RollingBack { get; }

    /// <summary>The journal text of an apply, up to and including <c>end</c>.</summary>
    public static byte[] Format(IReadOnlyList<string> directories, IReadOnlyList<JournalFile> files)
    {
        var text = new StringBuilder(64 + (files.Count * 180));
        text.Append(Header).Append('\n');
        foreach (var directory in directories)
        {
            text.Append("dir\t").Append(directory).Append('\n');
        }

        foreach (var file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"file\t{file.Index}\t{file.Path}\t{file.Before ?? "-"}\t{file.After ?? "-"}\n");
        }

        text.Append("end\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The record appended once the new contents are durable.</summary>
    public static byte[] CommitRecord { get; } = "commit\n"u8.ToArray();

    /// <summary>The record appended when a started apply is rolled back.</summary>
    public static byte[] RollbackRecord { get; } = "rollback\n"u8.ToArray();

    /// <summary>The lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The name, in <see cref="Folder"/>, of the new content of file <paramref name="index"/>.</summary>
    public static string TemporaryName(int index) => string.Create(CultureInfo.InvariantCulture, $"{index}{TemporarySuffix}");

    /// <summary>The name, in <see cref="Folder"/>, of the original of file <paramref name="index"/>.</summary>
    public static string OriginalName(int index) => string.Create(CultureInfo.InvariantCulture, $"{index}{OriginalSuffix}");

    /// <summary>
    /// Reads a journal; only whole lines count (a torn last line is a record that was never written). Anything that is
    /// not a journal this tool writes is a user error: the file may come from a repository someone else prepared.
    /// </summary>
    public static ApplyJournal Parse(byte[] bytes, string displayPath)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text[..(text.LastIndexOf('\n') + 1)].Split('\n');
        if (lines.Length < 2 && (Header + "\n").StartsWith(text, StringComparison.Ordinal))
        {
            // Torn in its first line: the apply was killed while creating its journal, before it changed anything.
            return new ApplyJournal([], [], complete: false, committed: false, rollingBack: false);
        }

        if (lines.Length < 2 || lines[0] != Header)
        {
            throw new UserInputException($"{displayPath} is not a journal of scaffold; remove it if no scaffold run was interrupted");
        }

        var directories = new List<string>();
        var files = new List<JournalFile>();
        bool complete = false, committed = false, rollingBack = false;
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var fields = lines[i].Split('\t');
            switch (fields[0])
            {
                case "dir" when fields.Length == 2 && !complete:
                    directories.Add(fields[1]);
                    break;
                case "file" when fields.Length == 5 && !complete
                    && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index == files.Count
                    && (fields[3] == "-" || IsHash(fields[3])) && (fields[4] == "-" || IsHash(fields[4])) && (fields[3] != "-" || fields[4] != "-"):
                    files.Add(new JournalFile(index, fields[2], fields[3] == "-" ? null : fields[3], fields[4] == "-" ? null : fields[4]));
                    break;
                case "end" when fields.Length == 1 && !complete:
                    complete = true;
                    break;
                case "commit" when fields.Length == 1 && complete:
                    committed = true;
                    break;
                case "rollback" when fields.Length == 1 && complete:
                    rollingBack = true;
                    break;
                default:
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{displayPath}:{i + 1}: not a record of a scaffold journal; remove the file if no scaffold run was interrupted"));
            }
        }

        return new ApplyJournal(directories, files, complete, committed, rollingBack);
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
