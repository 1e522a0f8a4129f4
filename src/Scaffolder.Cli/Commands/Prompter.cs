using Scaffolder.Core.Templates;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// Asks a person at a terminal for the values a <c>new</c> command needs and was not given: the name, and each
/// required parameter, with the template's description, choices and default. Questions go to standard error, so
/// standard output stays the plan.
/// </summary>
internal sealed class Prompter(TextReader input, TextWriter questions)
{
    private const int Attempts = 3;

    /// <summary>
    /// Asks for a value: <paramref name="choices"/>, when there are any, are the only answers (by value or number), and an
    /// empty answer takes <paramref name="defaultValue"/>. Null when no usable answer came (end of input, or three
    /// unusable ones): the command then fails as it would without a terminal.
    /// </summary>
    public string? Ask(string label, string description, IReadOnlyList<string> choices, string? defaultValue)
    {
        questions.WriteLine($"{label}: {description.TrimEnd('.')}");
        if (choices.Count > 0)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                questions.WriteLine($"  {i + 1}) {choices[i]}");
            }
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            questions.Write(defaultValue is null ? $"{label}? " : $"{label} [{defaultValue}]? ");
            questions.Flush();
            var answer = input.ReadLine()?.Trim();
            if (answer is null)
            {
                questions.WriteLine();
                return null;
            }

            if (answer.Length == 0 && defaultValue is not null)
            {
                return defaultValue;
            }

            if (choices.Count == 0 && answer.Length > 0)
            {
                return answer;
            }

            if (int.TryParse(answer, out var number) && number >= 1 && number <= choices.Count)
            {
                return choices[number - 1];
            }

            if (choices.Contains(answer, StringComparer.Ordinal))
            {
                return answer;
            }

            questions.WriteLine(choices.Count > 0 ? $"  choose one of {string.Join(", ", choices)} (or its number)" : "  a value is needed");
        }

        return null;
    }

    /// <summary>Asks for <paramref name="parameter"/>; its default is offered only when it is a plain value, not template text.</summary>
    public string? Ask(ParameterDefinition parameter, IReadOnlyList<string> choices)
    {
        var plainDefault = parameter.Default is { Length: > 0 } d && !d.Contains("{{", StringComparison.Ordinal) ? d : null;
        return parameter.Type == ParameterType.Bool
            ? Ask($"--{parameter.Name}", parameter.Description, ["true", "false"], plainDefault)
            : Ask($"--{parameter.Name}", parameter.Description, choices, plainDefault);
    }
}
