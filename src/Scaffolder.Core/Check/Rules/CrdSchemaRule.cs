using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Check.Schema;

namespace Scaffolder.Core.Check.Rules;

/// <summary>
/// SCF037: a manifest whose apiVersion and kind have a CRD in a <c>--crds</c> folder (or <c>check.crds</c>) and that does
/// not match its <c>openAPIV3Schema</c>, strictly (unknown fields are errors). It is validated once per cluster
/// Kustomization that deploys it, after that Kustomization's variables are substituted; a variable that stays unknown is
/// accepted in any scalar field. A kustomize patch is a partial object: its required fields are not enforced.
/// </summary>
public sealed class CrdSchemaRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF037";

    /// <inheritdoc />
    public string Title => "Manifest does not match its CRD schema";

    /// <inheritdoc />
    public string Principle => "Formatting and validation: manifests validate strictly against their schemas after substitution (STACK §7)";

    /// <inheritdoc />
    public string Rationale => "The API server rejects an object that does not match its CRD, or silently drops an unknown field, so a misspelled or mistyped field fails or does nothing only once Flux applies it.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Correct the field as the CRD's schema names and types it (kubectl explain <kind>.<path> shows it).";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        if (facts.CrdDocuments.Count == 0)
        {
            return;
        }

        var patches = facts.KustomizeFiles.SelectMany(k => k.Patches).ToHashSet(StringComparer.Ordinal);
        foreach (var fact in facts.CrdDocuments)
        {
            var document = fact.Document;
            if (facts.Crds.Get(document.ApiVersion!, document.Kind!) is not { } schema)
            {
                continue;
            }

            var lookups = facts.Flux.DeploymentsOf(fact.File).Where(d => d.Substitutes)
                .Select(d => (Func<string, string?>)(name => d.Variables.TryGetValue(name, out var v) ? v.Value : null))
                .DefaultIfEmpty(_ => null);
            var reported = new HashSet<(int, int, string)>();
            foreach (var lookup in lookups)
            {
                foreach (var problem in CrdValidator.Validate(schema, document, lookup, patches.Contains(fact.File)))
                {
                    var message = $"{document.Kind} '{document.Name}' does not match its CRD schema: {problem.Path}: {problem.Message}.";
                    if (reported.Add((problem.Node.Line, problem.Node.Column, message)))
                    {
                        sink.Report(this, fact.File, problem.Node.Line, problem.Node.Column, message);
                    }
                }
            }
        }
    }
}
