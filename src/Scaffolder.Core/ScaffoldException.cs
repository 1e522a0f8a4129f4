namespace Scaffolder.Core;

/// <summary>An error the user caused (bad name, value, config or template): exit code 2, one line, nothing written.</summary>
public sealed class UserInputException(string message) : Exception(message);

/// <summary>The plan would overwrite a file with other content, or a file changed while planning: exit code 3.</summary>
public sealed class ConflictException(string message) : Exception(message);
