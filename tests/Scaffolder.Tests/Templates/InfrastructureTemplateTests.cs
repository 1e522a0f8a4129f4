using System.Text;

namespace Scaffolder.Tests.Templates;

public sealed class InfrastructureTemplateTests
{
    private const string StackFile = "infrastructure/stacks/live/terragrunt.stack.hcl";
    private const string PlatformVersions = "kubernetes/platform/versions.env";

    private static readonly string[] ModuleWithEverything =
    [
        "new", "module", "media-bucket", "--provider", "aws@6.61.0", "--resource", "aws_s3_bucket", "--stack", "live",
        "--pin", "media-bucket=1.2.3", "--datasource", "docker", "--dep-name", "ghcr.io/example/media",
    ];

    [Theory]
    [InlineData("new module dns-records")]
    [InlineData("new unit lldap-secrets --module app-secrets --stack live")]
    [InlineData("new pin cert-manager --version v1.16.2 --datasource helm --dep-name cert-manager")]
    public void Rerunning_changes_nothing(string commandLine)
    {
        var args = commandLine.Split(' ');
        using var repo = TestRepo.FromSample();
        repo.Run(args).ExitCode.ShouldBe(0);
        var first = repo.Snapshot();

        var again = repo.Run(args);

        again.ExitCode.ShouldBe(0, again.Error);
        ShouldBeSameFiles(repo.Snapshot(), first);
    }

    [Fact]
    public void Rerunning_a_module_with_stack_and_pin_changes_nothing()
    {
        using var repo = TestRepo.FromSample();
        repo.Run(ModuleWithEverything).ExitCode.ShouldBe(0);
        var first = repo.Snapshot();

        repo.Run(ModuleWithEverything).ExitCode.ShouldBe(0);

        ShouldBeSameFiles(repo.Snapshot(), first);
    }

    [Fact]
    public void The_stack_file_keeps_every_other_byte()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Read(StackFile);

        repo.Run("new", "module", "media-bucket", "--stack", "live").ExitCode.ShouldBe(0);

        repo.Read(StackFile).ShouldBe(before + "\nunit \"media_bucket\" {\n  source = \"../../units/media-bucket\"\n  path   = \"media-bucket\"\n}\n");
    }

    [Fact]
    public void A_crlf_stack_file_without_final_newline_keeps_its_bytes_and_style()
    {
        using var repo = TestRepo.FromSample();
        var before = "locals {\r\n  name = \"live\" # kept\r\n}";
        File.WriteAllBytes(repo.PathOf(StackFile), Encoding.UTF8.GetBytes(before));

        repo.Run("new", "unit", "extra", "--module", "app-secrets", "--stack", "live").ExitCode.ShouldBe(0);

        var after = repo.Read(StackFile);
        after.ShouldStartWith(before + "\r\n");
        after[before.Length..].ShouldBe("\r\n\r\nunit \"extra\" {\r\n  source = \"../../units/extra\"\r\n  path   = \"extra\"\r\n}");
    }

    [Fact]
    public void Each_chosen_stack_gets_a_unit_and_a_missing_stack_file_is_an_error()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("infrastructure/stacks/dev/terragrunt.stack.hcl", "locals {}\n");

        repo.Run("new", "module", "media-bucket", "--stack", "live", "--stack", "dev").ExitCode.ShouldBe(0);
        repo.Read("infrastructure/stacks/dev/terragrunt.stack.hcl").ShouldBe("locals {}\n\nunit \"media_bucket\" {\n  source = \"../../units/media-bucket\"\n  path   = \"media-bucket\"\n}\n");
        repo.Read(StackFile).ShouldContain("unit \"media_bucket\"");

        var before = repo.Snapshot();
        var missing = repo.Run("new", "module", "other", "--stack", "global");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("infrastructure/stacks/global/terragrunt.stack.hcl does not exist");
        ShouldBeSameFiles(repo.Snapshot(), before);
    }

    [Fact]
    public void Pin_with_the_same_key_and_another_value_is_a_conflict()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "pin", "app-template", "--version", "9.9.9", "--datasource", "docker", "--dep-name", "app-template", "--package-name", "ghcr.io/bjw-s-labs/helm/app-template");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain($"{PlatformVersions}:2: 'app_template_version' is already pinned");
        ShouldBeSameFiles(repo.Snapshot(), before);
    }

    [Fact]
    public void Module_pin_conflict_writes_nothing_at_all()
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run("new", "module", "postgresql-image", "--pin", "postgresql-image=18.0", "--datasource", "docker", "--dep-name", "ghcr.io/cloudnative-pg/postgresql");

        result.ExitCode.ShouldBe(3);
        ShouldBeSameFiles(repo.Snapshot(), before);
    }

    [Fact]
    public void The_same_pin_again_is_identical_and_the_renovate_fields_keep_their_order()
    {
        using var repo = TestRepo.FromSample();
        string[] args = ["new", "pin", "talos", "--versioning", "semver", "--registry-url", "https://example.com", "--extract-version", "^v(?<version>.*)$",
            "--package-name", "siderolabs/talos", "--dep-name", "talos", "--datasource", "github-releases", "--version", "v1.9.0"];

        repo.Run(args).ExitCode.ShouldBe(0);
        repo.Run(args).ExitCode.ShouldBe(0);

        repo.Read(PlatformVersions).ShouldEndWith(
            "# renovate: datasource=github-releases depName=talos packageName=siderolabs/talos extractVersion=^v(?<version>.*)$ registryUrl=https://example.com versioning=semver\ntalos_version=v1.9.0\n");
    }

    [Theory]
    [InlineData(new[] { "new", "module", "m", "--resource", "aws_s3_bucket" }, "--resource aws_s3_bucket needs its provider: add --provider aws@<version>")]
    [InlineData(new[] { "new", "module", "m", "--provider", "aws" }, "invalid --provider 'aws'")]
    [InlineData(new[] { "new", "module", "m", "--provider", "aws@1.0", "--provider", "aws@2.0" }, "--provider aws is given twice")]
    [InlineData(new[] { "new", "module", "m", "--pin", "m=1.0.0" }, "--pin needs --datasource and --dep-name")]
    [InlineData(new[] { "new", "module", "m", "--datasource", "helm" }, "describe --pin")]
    [InlineData(new[] { "new", "pin", "p", "--version", "latest", "--datasource", "helm", "--dep-name", "p" }, "invalid --version 'latest'")]
    [InlineData(new[] { "new", "pin", "app-template", "--version", "4.2.0", "--datasource", "helm", "--dep-name", "app-template", "--registry-url", "oci://ghcr.io/bjw-s-labs/helm" },
        "--datasource helm cannot read the OCI registry oci://ghcr.io/bjw-s-labs/helm (Renovate's helm datasource only fetches index.yaml): pin it as --datasource docker --dep-name app-template --package-name ghcr.io/bjw-s-labs/helm/app-template")]
    [InlineData(new[] { "new", "module", "m", "--pin", "m=1.0.0", "--datasource", "helm", "--dep-name", "m", "--registry-url", "oci://ghcr.io/org/charts" },
        "pin it as --datasource docker --dep-name m --package-name ghcr.io/org/charts/m")]
    [InlineData(new[] { "new", "unit", "u", "--module", "missing" }, "module folder infrastructure/modules/missing does not exist")]
    public void Bad_input_is_exit_2_and_writes_nothing(string[] args, string message)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run(args);

        result.ExitCode.ShouldBe(2, result.Output);
        result.Error.ShouldContain(message);
        ShouldBeSameFiles(repo.Snapshot(), before);
    }

    [Fact]
    public void A_unit_for_an_unreadable_module_names_file_and_line()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("infrastructure/modules/broken/variables.tf", "variable \"a\" {\n  type = string\n}\n\nvariable \"b\" {\n  description = \"unterminated\n}\n");

        var result = repo.Run("new", "unit", "broken");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("error: infrastructure/modules/broken/variables.tf:6: unterminated string: a quoted string cannot span lines" + Environment.NewLine);
    }

    [Fact]
    public void A_unit_of_a_module_with_only_optional_variables_lists_them_commented_out()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("infrastructure/modules/opt/variables.tf", "variable \"replicas\" {\n  description = \"Replicas.\"\n  type        = number\n  default     = 2\n}\n");

        repo.Run("new", "unit", "opt").ExitCode.ShouldBe(0);

        repo.Read("infrastructure/units/opt/terragrunt.hcl").ShouldEndWith(
            "inputs = {\n  # Optional inputs (uncomment to override the module's default):\n\n  # Replicas.\n  # type: number\n  # replicas = 2\n}\n");
    }

    [Fact]
    public void A_repository_template_can_use_a_data_provider_and_an_unknown_provider_is_an_error()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold/templates/inputs/template.yaml", """
            id: inputs
            description: Lists a module's required inputs.
            scope: repo
            data:
              vars:
                provider: module-variables
                with:
                  path: "{{config.paths.modules}}/{{name}}"
            files:
              - path: "docs/{{name}}.md"
                template: doc.md.sbn
                when: vars.required
            """);
        repo.Write(".scaffold/templates/inputs/doc.md.sbn", "{{~ for variable in vars.required ~}}\n- {{variable.name}}: {{variable.type}}\n{{~ end ~}}\n");

        repo.Run("new", "inputs", "app-secrets").ExitCode.ShouldBe(0);
        repo.Read("docs/app-secrets.md").ShouldBe("- name: string\n- ssm_parameter_path: string\n- local_backup_path: string\n");

        repo.Write(".scaffold/templates/inputs/template.yaml", "id: inputs\nscope: repo\ndata:\n  vars:\n    provider: nope\n");
        var unknown = repo.Run("new", "inputs", "x");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("data 'vars' names unknown provider 'nope'; known: config-defaults, helm-service-port, module-variables, next-decision-number, provider-requirements, stack-fit, today");
    }

    private static void ShouldBeSameFiles(SortedDictionary<string, string> actual, SortedDictionary<string, string> expected)
    {
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var (path, content) in expected)
        {
            actual[path].ShouldBe(content, path);
        }
    }
}
