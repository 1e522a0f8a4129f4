namespace Scaffolder.Core.Evaluation;

/// <summary>The stack catalog, or a repository's <c>evaluate:</c> section, is malformed.</summary>
public sealed class StackCatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StackCatalogException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StackCatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StackCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
