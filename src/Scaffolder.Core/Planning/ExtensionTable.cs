using Scaffolder.Core.Data;
using Scaffolder.Core.Editing;

namespace Scaffolder.Core.Planning;

/// <summary>
/// The one table of what templates name by id: inserters (<c>edits[].inserter</c>, <c>registration.inserter</c>),
/// data providers (<c>data.*.provider</c>) and file kinds (<c>kind:</c>). Adding one is a class and a row in
/// <see cref="BuiltIn"/> (docs/templates.md, "Adding an inserter").
/// </summary>
public sealed class ExtensionTable
{
    /// <summary>Creates a table; ids must be unique per column.</summary>
    public ExtensionTable(IEnumerable<IInserter> inserters, IEnumerable<IDataProvider> dataProviders, IEnumerable<IFileKind> fileKinds)
    {
        Inserters = inserters.ToDictionary(i => i.Name, StringComparer.Ordinal);
        DataProviders = dataProviders.ToDictionary(p => p.Name, StringComparer.Ordinal);
        FileKinds = fileKinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in extensions.</summary>
    public static ExtensionTable BuiltIn { get; } = new(
        inserters:
        [
            new YamlListItemInserter(),
            new YamlListItemInserter("kustomization-resource"),
            new YamlListItemInserter("resourceset-input"),
            new YamlMapEntryInserter(),
            new NamespaceProfileInserter(),
            new YamlDocumentInserter(),
            new EnvPinInserter(),
            new HclBlockInserter(),
            new HelmValuesInserter(),
        ],
        dataProviders:
        [
            new ModuleVariablesProvider(),
            new ProviderRequirementsProvider(),
            new NextDecisionNumberProvider(),
            new TodayProvider(),
            new ConfigDefaultsProvider(),
            new StackFitProvider(),
            new HelmServicePortProvider(),
        ],
        fileKinds:
        [
            new HclFileKind(),
        ]);

    /// <summary>The inserters by id.</summary>
    public IReadOnlyDictionary<string, IInserter> Inserters { get; }

    /// <summary>The data providers by id.</summary>
    public IReadOnlyDictionary<string, IDataProvider> DataProviders { get; }

    /// <summary>The file kinds by id.</summary>
    public IReadOnlyDictionary<string, IFileKind> FileKinds { get; }

    /// <summary>This table with <paramref name="inserters"/> added (an id already in it is replaced).</summary>
    public ExtensionTable With(params IInserter[] inserters) =>
        new(Inserters.Values.Where(i => !inserters.Any(n => n.Name == i.Name)).Concat(inserters), DataProviders.Values, FileKinds.Values);

    /// <summary>This table with <paramref name="providers"/> added (an id already in it is replaced).</summary>
    public ExtensionTable With(params IDataProvider[] providers) =>
        new(Inserters.Values, DataProviders.Values.Where(p => !providers.Any(n => n.Name == p.Name)).Concat(providers), FileKinds.Values);
}
