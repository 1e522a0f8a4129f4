namespace Scaffolder.Core.Lifecycle;

/// <summary>A resolved parameter value: a scalar (<see cref="IsList"/> false, one item or none for null) or a list.</summary>
/// <param name="Name">Kebab-case parameter name.</param>
/// <param name="IsList">Whether the value is a list.</param>
/// <param name="Items">The value's items (a scalar has one, a null scalar none).</param>
/// <param name="Plain">Whether a scalar is a number or boolean (written unquoted).</param>
public sealed record RecordedParameter(string Name, bool IsList, IReadOnlyList<string> Items, bool Plain = false);
