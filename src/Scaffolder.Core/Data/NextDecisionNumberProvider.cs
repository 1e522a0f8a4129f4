using System.Globalization;
using System.Text.RegularExpressions;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>next-decision-number</c>: the number of the next architecture decision record in the folder <c>path</c>, as a
/// four-digit string: one more than the highest <c>NNNN-*.md</c> file there (gaps are not filled), <c>0001</c> when
/// the folder is empty or missing. Other files (README.md, template.md, 12-x.md) are ignored. With the optional
/// argument <c>slug</c>, an existing record <c>NNNN-&lt;slug&gt;.md</c> keeps its number, so re-running
/// <c>scaffold new adr</c> with the same title is a no-op (or a conflict when the output differs) instead of a
/// duplicate record.
/// </summary>
public sealed partial class NextDecisionNumberProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "next-decision-number";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Require(args, Name, "path").TrimEnd('/');
        var folder = context.Resolve(path);
        var slug = DataContext.Optional(args, "slug");
        var highest = 0;
        var existing = 0;
        if (context.FileSystem.DirectoryExists(folder))
        {
            foreach (var file in context.FileSystem.EnumerateFiles(folder, recursive: false))
            {
                var match = DecisionFile().Match(Path.GetFileName(file));
                if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    highest = Math.Max(highest, number);
                    if (slug is not null && match.Groups[2].ValueSpan.SequenceEqual(slug) && (existing == 0 || number < existing))
                    {
                        existing = number;
                    }
                }
            }
        }

        if (existing > 0)
        {
            return existing.ToString("D4", CultureInfo.InvariantCulture);
        }

        if (highest >= 9999)
        {
            throw new UserInputException($"{path} already holds decision 9999: four-digit numbering is exhausted");
        }

        return (highest + 1).ToString("D4", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^([0-9]{4})-(.+)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionFile();
}
