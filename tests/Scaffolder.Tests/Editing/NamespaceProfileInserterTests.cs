using Scaffolder.Core;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Text;

namespace Scaffolder.Tests.Editing;

public sealed class NamespaceProfileInserterTests
{
    private const string Profiles = "isolated=;internal=internal;internal-egress=internal;standard=internal,external";

    private const string Namespace = """
        ---
        # hand-written comment
        apiVersion: v1
        kind: Namespace
        metadata:
          name: demo
          labels:
            istio.io/dataplane-mode: ambient
            network-policy.homelab/profile: internal   # keep this comment
            access.network-policy.homelab/postgres: "true"

        """;

    private static Dictionary<string, string> Args(string mode = "update") => new(StringComparer.Ordinal)
    {
        ["kind"] = "Namespace",
        ["path"] = "metadata.labels",
        ["key"] = "network-policy.homelab/profile",
        ["profiles"] = Profiles,
        ["mode"] = mode,
        ["option"] = "--no-edit",
    };

    private static string Apply(string text, string gateway, string mode = "update") =>
        new NamespaceProfileInserter().Apply(EditableText.Decode(System.Text.Encoding.UTF8.GetBytes(text), "ns.yaml"), gateway, Args(mode), "ns.yaml");

    [Fact]
    public void Admitting_profile_leaves_the_file_unchanged()
    {
        Apply(Namespace, "internal").ShouldBe(Namespace);
        Apply(Namespace, "internal", "check").ShouldBe(Namespace);
    }

    [Fact]
    public void Update_moves_to_the_first_later_profile_that_admits_the_gateway_and_keeps_every_other_byte()
    {
        Apply(Namespace, "external").ShouldBe(Namespace.Replace("profile: internal   #", "profile: standard   #", StringComparison.Ordinal));
    }

    [Fact]
    public void Isolated_becomes_internal_for_the_internal_gateway()
    {
        var isolated = Namespace.Replace("profile: internal ", "profile: isolated ", StringComparison.Ordinal);
        Apply(isolated, "internal").ShouldBe(Namespace);
    }

    [Fact]
    public void Crlf_bom_and_quoting_are_kept()
    {
        var crlf = Namespace.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("profile: internal", "profile: \"internal\"", StringComparison.Ordinal);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(crlf)).ToArray();
        var file = EditableText.Decode(bytes, "ns.yaml");
        var updated = new NamespaceProfileInserter().Apply(file, "external", Args(), "ns.yaml");
        file.Encode(updated).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(crlf.Replace("\"internal\"", "standard", StringComparison.Ordinal))).ToArray());
    }

    [Fact]
    public void Check_mode_fails_with_the_fix()
    {
        var error = Should.Throw<UserInputException>(() => Apply(Namespace, "external", "check"));
        error.Message.ShouldContain("network-policy.homelab/profile: standard");
        error.Message.ShouldContain("--no-edit");
    }

    [Fact]
    public void Unknown_current_profile_is_refused()
    {
        var odd = Namespace.Replace("profile: internal ", "profile: open ", StringComparison.Ordinal);
        Should.Throw<UserInputException>(() => Apply(odd, "external")).Message.ShouldContain("not a configured profile");
    }

    [Fact]
    public void Missing_profile_label_is_added()
    {
        var without = Namespace.Replace("    network-policy.homelab/profile: internal   # keep this comment\n", string.Empty, StringComparison.Ordinal);
        Apply(without, "internal").ShouldBe(without.Replace("\"true\"\n", "\"true\"\n    network-policy.homelab/profile: internal\n", StringComparison.Ordinal));
    }

    [Fact]
    public void No_profile_admitting_the_gateway_is_an_error()
    {
        Should.Throw<UserInputException>(() => Apply(Namespace, "dmz")).Message.ShouldContain("admits the dmz gateway");
    }

    [Fact]
    public void Plan_description_names_old_and_new_profile()
    {
        var file = EditableText.Decode(System.Text.Encoding.UTF8.GetBytes(Namespace), "ns.yaml");
        var inserter = new NamespaceProfileInserter();
        var updated = inserter.Apply(file, "external", Args(), "ns.yaml");
        inserter.Describe(file, updated, "external", Args(), "ns.yaml").ShouldBe("network-policy.homelab/profile: internal -> standard (admits the external gateway)");
    }
}
