namespace Scaffolder.Tests.Safety;

/// <summary>Edited and overwritten files keep their permission bits: a 0600 file does not become world-readable.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const string Versions = "kubernetes/clusters/live/versions.env";
    private const string ResourceSet = "kubernetes/clusters/live/apps/apps-resourceset.yaml";

    [Theory]
    [InlineData(Versions, UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(ResourceSet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)]
    [InlineData(ResourceSet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite)]
    public void An_edited_file_keeps_its_mode(string path, UnixFileMode mode)
    {
        using var repo = TestRepo.FromSample();
        File.SetUnixFileMode(repo.PathOf(path), mode);
        var before = repo.Read(path);

        var result = repo.Run("new", "app", "wiki");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(path).ShouldNotBe(before, "the file must have been edited");
        File.GetUnixFileMode(repo.PathOf(path)).ShouldBe(mode);
    }

    [Fact]
    public void A_file_overwritten_with_force_keeps_its_mode()
    {
        using var repo = TestRepo.FromSample();
        repo.Run("new", "app", "wiki").ExitCode.ShouldBe(0);
        var path = "kubernetes/clusters/live/apps/wiki/namespace.yaml";
        repo.Write(path, "# changed by hand\n");
        File.SetUnixFileMode(repo.PathOf(path), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = repo.Run("new", "app", "wiki", "--force");

        result.ExitCode.ShouldBe(0, result.Error);
        repo.Read(path).ShouldNotContain("changed by hand");
        File.GetUnixFileMode(repo.PathOf(path)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
