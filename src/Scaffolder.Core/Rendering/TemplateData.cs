using System.Collections;
using System.Runtime.CompilerServices;
using Scriban.Runtime;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Turns the values a template sees (text, numbers, booleans, lists, maps from config, parameters and data providers)
/// into Scriban's own <see cref="ScriptObject"/> and <see cref="ScriptArray"/>: a template never reaches a .NET object,
/// so it has no member access by reflection.
/// </summary>
internal static class TemplateData
{
    /// <summary>Config and data trees never change once loaded: each is converted once per process.</summary>
    private static readonly ConditionalWeakTable<object, ScriptObject> Maps = new();

    /// <summary>The globals of one render: the context's entries, converted.</summary>
    public static ScriptObject Globals(IReadOnlyDictionary<string, object?> context)
    {
        var globals = new ScriptObject(context.Count);
        foreach (var (key, value) in context)
        {
            globals[key] = Convert(value);
        }

        return globals;
    }

    /// <summary>One value, converted.</summary>
    public static object? Convert(object? value) => value switch
    {
        null or string or bool or int or long or double => value,
        ScriptObject or ScriptArray => value,
        IReadOnlyDictionary<string, object?> map => Maps.GetValue(map, _ => Map(map)),
        IDictionary<string, object?> map => Maps.GetValue(map, _ => Map(map)),
        IDictionary map => Maps.GetValue(map, _ => Map(map.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(System.Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, e.Value)))),
        IEnumerable items => List(items),
        _ => throw new InvalidOperationException($"a {value.GetType().Name} cannot be passed to a template"),
    };

    private static ScriptObject Map(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var map = new ScriptObject();
        foreach (var (key, value) in entries)
        {
            map[key] = Convert(value);
        }

        return map;
    }

    private static ScriptArray List(IEnumerable items)
    {
        var list = new ScriptArray();
        foreach (var item in items)
        {
            list.Add(Convert(item));
        }

        return list;
    }
}
