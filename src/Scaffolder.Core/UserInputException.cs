namespace Scaffolder.Core;

/// <summary>An error the user caused (bad name, value, config or template): exit code 2, one line, nothing written.</summary>
public sealed class UserInputException(string message) : Exception(message);
