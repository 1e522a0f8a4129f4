namespace Scaffolder.Core.Yaml;

/// <summary>Why a YAML file could not be read past some point: a syntax error, or the file itself is unreadable.</summary>
/// <param name="Message">The message reported (the parser's, after "YAML syntax error: ").</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record YamlSyntaxError(string Message, int Line, int Column);
