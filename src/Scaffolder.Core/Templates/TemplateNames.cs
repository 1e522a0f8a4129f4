namespace Scaffolder.Core.Templates;

/// <summary>The words template.yaml writes for its enumerated values, both ways.</summary>
public static class TemplateNames
{
    /// <summary>The template.yaml word for <paramref name="value"/> (<c>ParameterType.Choice</c> is <c>choice</c>).</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.Words[Array.IndexOf(Names<T>.Values, value)];

    /// <summary>The value template.yaml's <paramref name="word"/> names, or null when it names none.</summary>
    public static T? Parse<T>(string word)
        where T : struct, Enum
    {
        var i = Array.IndexOf(Names<T>.Words, word);
        return i < 0 ? null : Names<T>.Values[i];
    }

    /// <summary>Every word of <typeparamref name="T"/>, in declaration order ("cluster or repo").</summary>
    public static string Alternatives<T>()
        where T : struct, Enum => Names<T>.Words.Length switch
        {
            1 => Names<T>.Words[0],
            _ => $"{string.Join(", ", Names<T>.Words[..^1])} or {Names<T>.Words[^1]}",
        };

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        // The member name with a lowercase first letter: every member is one word.
        public static readonly string[] Words = [.. Values.Select(v => v.ToString()).Select(n => string.Concat(char.ToLowerInvariant(n[0]).ToString(), n[1..]))];
    }
}
