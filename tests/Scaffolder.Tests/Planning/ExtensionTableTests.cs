using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Planning;

/// <summary>
/// docs/templates.md's worked example ("Adding an inserter"): the class it shows, registered by one row, is an
/// inserter a template can name. The class below is the one the docs show, character for character.
/// </summary>
public sealed partial class ExtensionTableTests
{
    private const string Template = """
        id: owners
        description: A team's line in CODEOWNERS.
        scope: repo
        edits:
          - inserter: text-line
            file: CODEOWNERS
            value: "/teams/{{ name }}/ @homelab/{{ name }}"
        """;

    [Fact]
    public void The_docs_show_this_class()
    {
        var docs = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "docs", "templates.md"));
        var source = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Planning", "ExtensionTableTests.cs"));

        var shown = DocsBlock().Match(docs).Groups[1].Value;
        var here = SourceBlock().Match(source).Groups[1].Value;

        shown.Length.ShouldBeGreaterThan(0);
        shown.ShouldBe(here);
    }

    [Fact]
    public void A_template_names_the_new_inserter_once_it_is_registered()
    {
        var repo = MemoryRepo.FromSample();
        repo.Write(".scaffold/templates/owners/template.yaml", Template);
        repo.Write("CODEOWNERS", "* @homelab/admins\n");
        var extensions = ExtensionTable.BuiltIn.With(new TextLineInserter());

        var plan = Planner(repo, extensions).Plan(repo.Root, new GenerationRequest("owners", "media", new Dictionary<string, IReadOnlyList<string>>(), []));

        var change = plan.Changes.Single(c => c.Path == "CODEOWNERS");
        change.Action.ShouldBe(ChangeAction.Update);
        Encoding.UTF8.GetString(change.After).ShouldBe("* @homelab/admins\n/teams/media/ @homelab/media\n");
    }

    [Fact]
    public void Without_its_row_the_template_is_refused_naming_the_unknown_inserter()
    {
        var repo = MemoryRepo.FromSample();
        repo.Write(".scaffold/templates/owners/template.yaml", Template);
        repo.Write("CODEOWNERS", "* @homelab/admins\n");

        var error = Should.Throw<UserInputException>(() =>
            Planner(repo, ExtensionTable.BuiltIn).Plan(repo.Root, new GenerationRequest("owners", "media", new Dictionary<string, IReadOnlyList<string>>(), [])));

        error.Message.ShouldStartWith("template 'owners': unknown inserter 'text-line'; known: env-pin, hcl-block,");
    }

    private static Planner Planner(MemoryRepo repo, ExtensionTable extensions) =>
        new(repo.FileSystem, TemplateCatalog.Create(repo.FileSystem, repo.Root), new ConfigLoader(repo.FileSystem).Load(repo.Root), extensions);

    [GeneratedRegex(@"<!-- example: TextLineInserter -->\n```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocsBlock();

    [GeneratedRegex(@"// docs: begin\n(.*?)// docs: end", RegexOptions.Singleline)]
    private static partial Regex SourceBlock();
}

// docs: begin
/// <summary><c>text-line</c>: appends the text as one line of a plain text file (CODEOWNERS, .gitignore) unless the file has that line.</summary>
public sealed class TextLineInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "text-line";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var line = insertion.TrimEnd('\r', '\n');
        if (file.Text.Split(file.Newline).Contains(line))
        {
            return file.Text;
        }

        var separator = file.Text.Length == 0 || file.Text.EndsWith(file.Newline, StringComparison.Ordinal) ? string.Empty : file.Newline;
        return file.Text + separator + line + file.Newline;
    }
}
// docs: end
