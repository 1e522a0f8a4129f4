namespace Scaffolder.Tests.Planning;

/// <summary>
/// A composed unit (<c>new app X --secret K ...</c>) expands its includes on a second thread while the app renders its
/// own files: what it plans and the error it reports must be those of a sequential expansion, includes first.
/// </summary>
public sealed class ComposedExpansionTests
{
    [Fact]
    public void When_an_include_and_the_app_itself_both_fail_the_include_is_reported_as_it_comes_first()
    {
        using var repo = TestRepo.FromSample();
        var secret = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "templates/secret/secret.yaml.sbn"));
        repo.Write(".scaffold/templates/secret/secret.yaml.sbn", "{{ no_such_secret_value }}\n" + secret);
        var namespaceFile = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "templates/app/namespace.yaml.sbn"));
        repo.Write(".scaffold/templates/app/namespace.yaml.sbn", "{{ no_such_app_value }}\n" + namespaceFile);
        var before = repo.Snapshot();

        for (var run = 0; run < 5; run++)
        {
            var result = repo.Run("new", "app", "demo", "--secret", "API_KEY");

            result.ExitCode.ShouldBe(2);
            result.Error.Trim().ShouldBe("error: .scaffold/templates/secret/secret.yaml.sbn:1:4: The variable or function `no_such_secret_value` was not found");
            repo.Snapshot().ShouldBe(before);
        }
    }

    [Fact]
    public void The_app_own_failure_is_reported_when_its_includes_succeed()
    {
        using var repo = TestRepo.FromSample();
        var namespaceFile = File.ReadAllText(Path.Combine(TestRepo.SourceRoot, "templates/app/namespace.yaml.sbn"));
        repo.Write(".scaffold/templates/app/namespace.yaml.sbn", "{{ no_such_app_value }}\n" + namespaceFile);

        var result = repo.Run("new", "app", "demo", "--secret", "API_KEY", "--route", "internal");

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: .scaffold/templates/app/namespace.yaml.sbn:1:4: The variable or function `no_such_app_value` was not found");
    }
}
