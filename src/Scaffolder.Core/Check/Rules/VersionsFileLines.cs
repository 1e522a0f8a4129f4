namespace Scaffolder.Core.Check.Rules;

/// <summary>The lines of the repository's versions files (<see cref="CheckConventions.VersionsFileName"/>), for the rules that read them.</summary>
internal static class VersionsFileLines
{
    /// <summary>Each line of <paramref name="file"/> (1-based number, trimmed text) when it is a versions file; none otherwise.</summary>
    public static IEnumerable<(int Number, string Text)> Of(SourceFile file, CheckConventions conventions)
    {
        if (file.FileName != conventions.VersionsFileName)
        {
            yield break;
        }

        for (var line = 1; line <= file.LineCount; line++)
        {
            yield return (line, file.GetLine(line).Trim().ToString());
        }
    }
}
