using Scaffolder.Cli;
Timing.Mark("main");
if (Environment.ProcessorCount > 1)
{
    // Every 'new' reads YAML, renders Scriban templates and hashes what it generates (answers files), and each of the
    // three costs milliseconds of one-time set-up on first use (type loading, static constructors, OpenSSL, code the
    // JIT compiles because no ReadyToRun image holds it). Done on another core while the command line is set up, it
    // leaves the critical path; docs/performance.md has the measurements.
    new Thread(WarmUp) { IsBackground = true, Name = "warm-up" }.Start();
}

Console.OutputEncoding = System.Text.Encoding.UTF8;

using var interruption = Interruption.ForProcess();
return CliApp.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, Terminal.FromConsole(), interruption: interruption);

static void WarmUp()
{
    try
    {
        new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader("key: [item, {key: value}]\n"));
        _ = Scaffolder.Core.Lifecycle.GitBlob.Id([]);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = "warm-up",
            ["flag"] = true,
            ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["items"] = new List<object?> { "a", "b" } },
        };
        var renderer = new Scaffolder.Core.Rendering.TemplateRenderer(new Dictionary<string, string>(StringComparer.Ordinal));
        _ = renderer.Render("n: {{ name }}\n{{ for item in config.items }}- {{ upper item }}\n{{ end }}{{ if flag && name != \"\" }}y{{ else }}n{{ end }}\n", context, "warm-up");
        _ = renderer.IsTrue("flag && name", context, "warm-up");
    }
    catch (Exception)
    {
        // A warm-up must never affect the command; the command's own work reports any real problem.
    }
}
