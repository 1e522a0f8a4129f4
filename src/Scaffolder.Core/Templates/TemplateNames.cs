using System.Runtime.CompilerServices;

namespace Scaffolder.Core.Templates;

/// <summary>The words template.yaml writes for its enumerated values, both ways.</summary>
public static class TemplateNames
{
    /// <summary>The template.yaml word for <paramref name="value"/> (<c>ParameterType.Choice</c> is <c>choice</c>).</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.Words[Unsafe.BitCast<T, int>(value)];

    /// <summary>The value template.yaml's <paramref name="word"/> names, or null when it names none.</summary>
    public static T? Parse<T>(string word)
        where T : struct, Enum
    {
        var i = Array.IndexOf(Names<T>.Words, word);
        return i < 0 ? null : Unsafe.BitCast<int, T>(i);
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
        // The words by member value (members are numbered from 0 in declaration order), written out: reading them by
        // reflection (Enum.GetValues, ToString, the enum comparer) cost every 'scaffold new' about 4 ms of start-up.
        // TemplateWordTests checks each list is the members' names with a lowercase first letter.
        public static readonly string[] Words =
            typeof(T) == typeof(TemplateScope) ? ["cluster", "repo"]
            : typeof(T) == typeof(ParameterType) ? ["string", "int", "bool", "choice", "list"]
            : typeof(T) == typeof(IfExistsPolicy) ? ["conflict", "skip"]
            : typeof(T) == typeof(IfMissingPolicy) ? ["error", "skip", "note"]
            : throw new NotSupportedException($"{typeof(T).Name} has no template.yaml words");
    }
}
