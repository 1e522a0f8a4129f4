using Scaffolder.Core.Config;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>config-defaults</c>: the commented default <c>.scaffold.yaml</c> (every key with its STACK.md default), which
/// the <c>init</c> template writes. It takes no arguments.
/// </summary>
public sealed class ConfigDefaultsProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "config-defaults";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context) => ConfigLoader.DefaultsText;
}
