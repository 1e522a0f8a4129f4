using System.Diagnostics;
using System.Globalization;
using System.Text;
using Scaffolder.Core.Check;
using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;

/// <summary>
/// Attributes the per-file cost of <c>scaffold check</c> (read, decode, YAML tree, each file and manifest rule)
/// in time and allocated bytes, on the first N files of a repo. Run on one thread.
/// </summary>
internal static class Profile
{
    public static void Run(string root, int limit)
    {
        var fs = PhysicalFileSystem.Instance;
        var conventions = CheckConventions.Default;
        var checker = new RepoChecker(fs, conventions);
        var repo = new RepoContext(Path.GetFullPath(root), fs, conventions);
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Take(limit)
            .Select(f => Path.GetRelativePath(repo.Root, Path.GetFullPath(f)).Replace('\\', '/')).ToList();
        var fileRules = checker.Rules.OfType<IFileRule>().ToArray();
        var manifestRules = checker.Rules.OfType<IManifestRule>().ToArray();
        var time = new Dictionary<string, long>();
        var bytes = new Dictionary<string, long>();
        var utf8 = new UTF8Encoding(false);
        for (var pass = 0; pass < 2; pass++)
        {
            time.Clear();
            bytes.Clear();
            foreach (var relative in files)
            {
                byte[] content = null!;
                string text = null!;
                YamlFileContent yaml = null!;
                Measure("read", () => content = fs.ReadAllBytes(repo.AbsolutePath(relative)));
                Measure("decode", () => text = utf8.GetString(content));
                Measure("yaml", () => yaml = YamlStreamReader.Read(text));
                var file = new SourceFile(repo, relative, SourceKind.Yaml, text, yaml);
                var sink = new FindingSink(relative);
                foreach (var rule in fileRules)
                {
                    Measure(rule.Id, () => rule.Check(file, sink));
                }

                foreach (var document in yaml.Documents)
                {
                    if (document.Root is null)
                    {
                        continue;
                    }

                    foreach (var rule in manifestRules)
                    {
                        Measure(rule.Id, () => rule.Check(file, document, sink));
                    }
                }
            }
        }

        var total = time.Values.Sum();
        foreach (var (key, ticks) in time.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key,-10} {ticks * 1000.0 / Stopwatch.Frequency,8:F1} ms {100.0 * ticks / total,5:F1}%  {bytes[key] / files.Count,7} B/file"));
        }

        void Measure(string key, Action action)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            action();
            var elapsed = Stopwatch.GetTimestamp() - start;
            time[key] = time.GetValueOrDefault(key) + elapsed;
            bytes[key] = bytes.GetValueOrDefault(key) + GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
    }
}
