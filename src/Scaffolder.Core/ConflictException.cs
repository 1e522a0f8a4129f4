namespace Scaffolder.Core;

/// <summary>The plan would overwrite a file with other content, or a file changed while planning: exit code 3.</summary>
public sealed class ConflictException(string message) : Exception(message);
