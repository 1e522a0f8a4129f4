using Scaffolder.Core.Check;
using Scaffolder.Core.IO;

namespace Scaffolder.Tests.Check;

/// <summary>A throw-away repo on disk, and helpers to run the checker on fixtures.</summary>
internal sealed class CheckRepo : IDisposable
{
    public CheckRepo() => Root = Directory.CreateTempSubdirectory("scaffold-check-").FullName;

    public string Root { get; }

    public static string Fixture(string name) => Path.Combine(Scaffolder.Tests.TestRepo.SourceRoot, "tests", "Scaffolder.Tests", "Check", "fixtures", name);

    /// <summary>The options a rule's violation fixture is checked with: SCF037 needs the upstream CRDs (<c>--crds ../shared/crds</c>).</summary>
    public static CheckOptions FixtureOptions(string ruleId) =>
        ruleId == "SCF037" ? new CheckOptions { CrdDirectories = [Scaffolder.Tests.SharedData.Crds] } : new CheckOptions();

    public static CheckReport Check(string root, CheckConventions? conventions = null, CheckOptions? options = null) =>
        new RepoChecker(PhysicalFileSystem.Instance, conventions ?? CheckConventions.Default)
            .Check(root, [], options ?? new CheckOptions());

    public static CheckReport Check(string root, IReadOnlyList<string> paths) =>
        new RepoChecker(PhysicalFileSystem.Instance, CheckConventions.Default).Check(root, paths, new CheckOptions());

    public CheckRepo Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public CheckReport Check(CheckConventions? conventions = null, CheckOptions? options = null) => Check(Root, conventions, options);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
