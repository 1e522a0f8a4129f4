using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF008: an app-template container without <c>allowPrivilegeEscalation: false</c> and <c>capabilities.drop: [ALL]</c>.</summary>
public sealed class ContainerSecurityRule : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF008";

    /// <inheritdoc />
    public string Title => "Container without a restricted security context";

    /// <inheritdoc />
    public string Principle => "Enterprise at Home: restricted containers (STACK §1 app-template conventions, §8 #5)";

    /// <inheritdoc />
    public string Rationale => "Without allowPrivilegeEscalation: false and dropped capabilities a container can gain root powers; the restricted PodSecurity level rejects it.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Set securityContext {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [\"ALL\"]}}; `scaffold new app <name>` generates it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (Manifests.AppTemplateValues(document)?.Get("controllers") is not LocatedMapping controllers)
        {
            return;
        }

        foreach (var controller in controllers.Entries)
        {
            var defaults = controller.Value.At("defaultContainerOptions", "securityContext");
            foreach (var group in new[] { "initContainers", "containers" })
            {
                if (controller.Value.At(group) is not LocatedMapping containers)
                {
                    continue;
                }

                foreach (var container in containers.Entries)
                {
                    var context = container.Value.At("securityContext") ?? defaults;
                    var missing = Missing(context);
                    if (missing.Length > 0)
                    {
                        sink.Report(this, container.Key, $"Container '{controller.Key.Value}/{container.Key.Value}' lacks {missing}.");
                    }
                }
            }
        }
    }

    private static string Missing(LocatedNode? context)
    {
        var escalation = Manifests.IsFalse(context?.At("allowPrivilegeEscalation"));
        var drop = context?.At("capabilities", "drop") is LocatedSequence list && list.Items.Any(i => i.Text == "ALL");
        return (escalation, drop) switch
        {
            (true, true) => string.Empty,
            (false, true) => "allowPrivilegeEscalation: false",
            (true, false) => "capabilities.drop: [\"ALL\"]",
            _ => "allowPrivilegeEscalation: false and capabilities.drop: [\"ALL\"]",
        };
    }
}
