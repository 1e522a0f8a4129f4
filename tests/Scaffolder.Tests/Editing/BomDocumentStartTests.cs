using System.Text;

namespace Scaffolder.Tests.Editing;

/// <summary>
/// Shared files that start with a UTF-8 byte order mark followed by <c>---</c> are edited like any other: the BOM and
/// every original line stay, in order, and only the inserted lines are new.
/// </summary>
public sealed class BomDocumentStartTests
{
    public static TheoryData<string> Commands => new()
    {
        "new app wiki --route internal --database --volume data:1Gi --secret API_TOKEN",
        "new secret s --app miniflux --key A",
        "new storage x --app miniflux --block --size 1Gi",
        "new route r --app miniflux",
        "new database d --app miniflux",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Files_starting_with_a_bom_and_a_document_start_are_edited_byte_preservingly(string command)
    {
        using var repo = TestRepo.FromSample();
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(repo.Root, "*.yaml", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.AsSpan().StartsWith("---"u8))
            {
                bytes = [0xEF, 0xBB, 0xBF, .. bytes];
                File.WriteAllBytes(file, bytes);
                originals[file] = bytes;
            }
        }

        originals.Count.ShouldBeGreaterThan(5);
        var result = repo.Run(command.Split(' '));
        result.ExitCode.ShouldBe(0, result.Error);

        var edited = 0;
        foreach (var (file, before) in originals)
        {
            var after = File.ReadAllBytes(file);
            if (after.AsSpan().SequenceEqual(before))
            {
                continue;
            }

            edited++;
            after.AsSpan().StartsWith("\uFEFF---"u8).ShouldBeTrue(file);
            var remaining = new Queue<string>(Encoding.UTF8.GetString(before).Split('\n'));
            foreach (var line in Encoding.UTF8.GetString(after).Split('\n'))
            {
                if (remaining.Count > 0 && remaining.Peek() == line)
                {
                    remaining.Dequeue();
                }
            }

            remaining.ShouldBeEmpty($"{file}: every original line is kept, in order");
        }

        edited.ShouldBeGreaterThan(0, "the command edits a shared file");
    }
}
