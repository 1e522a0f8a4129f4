namespace Scaffolder.Core.Check;

/// <summary>What reading one file gave: its bytes, or why it was skipped (a note) or could not be read (an error).</summary>
/// <param name="Bytes">The content; empty when the file was skipped or unreadable.</param>
/// <param name="Skipped">Why the file was deliberately not read (a FIFO, a link out of the repository, too large), or null.</param>
/// <param name="Error">Why reading failed (a dangling link, permissions), or null.</param>
public sealed record FileReadResult(byte[] Bytes, string? Skipped, string? Error);
