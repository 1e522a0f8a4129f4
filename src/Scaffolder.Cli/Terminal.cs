namespace Scaffolder.Cli;

/// <summary>
/// What the person at the other end can take: colour on standard output and on standard error, and answers to
/// questions (<see cref="Input"/>, null when nobody can be asked).
/// </summary>
public sealed record Terminal(bool ColorOutput, bool ColorError, TextReader? Input)
{
    /// <summary>No colour and no questions: what tests, pipes and CI get.</summary>
    public static Terminal None { get; } = new(false, false, null);

    /// <summary>Whether missing values may be asked for.</summary>
    public bool Interactive => Input is not null;

    /// <summary>The process's console, from <see cref="Console"/> and the environment.</summary>
    public static Terminal FromConsole() =>
        Detect(
            Environment.GetEnvironmentVariable,
            outputIsTerminal: !Console.IsOutputRedirected,
            errorIsTerminal: !Console.IsErrorRedirected,
            inputIsTerminal: !Console.IsInputRedirected,
            () => new ConsoleInput());

    /// <summary>
    /// Colour on a stream that is a terminal, unless <c>NO_COLOR</c> is set to anything (no-color.org) or <c>TERM</c> is
    /// <c>dumb</c>. Questions only when standard input and standard error (where they are asked) are terminals and
    /// <c>CI</c> is not set to anything.
    /// </summary>
    public static Terminal Detect(Func<string, string?> environment, bool outputIsTerminal, bool errorIsTerminal, bool inputIsTerminal, Func<TextReader> input)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(input);
        var color = string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb";
        var ask = inputIsTerminal && errorIsTerminal && string.IsNullOrEmpty(environment("CI"));
        return new Terminal(color && outputIsTerminal, color && errorIsTerminal, ask ? input() : null);
    }

    /// <summary>This terminal as the command line's <c>--no-color</c> and <c>--no-input</c> leave it.</summary>
    public Terminal Restricted(bool noColor, bool noInput) =>
        this with
        {
            ColorOutput = ColorOutput && !noColor,
            ColorError = ColorError && !noColor,
            Input = noInput ? null : Input,
        };

    /// <summary>
    /// Standard input, opened on the first read: touching <see cref="Console.In"/> on a terminal sets its keypad mode
    /// (writes an escape sequence), which a run that asks nothing must not do.
    /// </summary>
    private sealed class ConsoleInput : TextReader
    {
        public override int Peek() => Console.In.Peek();

        public override int Read() => Console.In.Read();

        public override string? ReadLine() => Console.In.ReadLine();
    }
}
