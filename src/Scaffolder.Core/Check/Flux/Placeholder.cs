using System.Text;

namespace Scaffolder.Core.Check.Flux;

/// <summary>One <c>${name}</c> placeholder of a text, as Flux's envsubst reads it.</summary>
/// <param name="Start">Offset of the <c>$</c>.</param>
/// <param name="Length">Length up to and including <c>}</c>.</param>
/// <param name="Name">The variable name.</param>
/// <param name="Default">The default (<c>${name:-x}</c>, <c>:=</c>, <c>-</c>, <c>=</c>), or null.</param>
/// <param name="Escaped">Whether it is written <c>$${name}</c>: Flux leaves <c>${name}</c> in the output.</param>
public sealed record Placeholder(int Start, int Length, string Name, string? Default, bool Escaped)
{
    /// <summary>Whether the placeholder has a default value.</summary>
    public bool HasDefault => Default is not null;
}
