using System.Diagnostics;
using System.Globalization;
using Scaffolder.Core.Check;
using Scaffolder.Core.IO;
using Scaffolder.Core.Yaml;

// Usage: dotnet run -c Release --project bench -- [manifests=20000] [parallelism=1] [dir]
// Generates a synthetic repo of app folders (namespace, helmrelease, helmrepository, kustomization, canary,
// rules, secrets, PVC, ExternalSecret, GarageKey: 11 manifests per app) and times RepoChecker on it. Also times the light reader against
// YamlDotNet's RepresentationModel on the same text.
// Or: dotnet run -c Release --project bench/CheckBench -- generate MANIFESTS DIR   (only writes the synthetic repo)
// Or: dotnet run -c Release --project bench/CheckBench -- profile FILES DIR   (time and allocation per phase and rule)
// Or: dotnet run -c Release --project bench/CheckBench -- generate-flux MANIFESTS DIR   (the same apps deployed through a
//     cluster kustomization with ConfigMap generators, a Flux Kustomization and an apps ResourceSet: the Flux model and
//     SCF036 variable resolution have work to do)
// Options after the positional ones: --rule SCF0NN (repeatable) and --crds DIR (schema validation, SCF037).
if (args is ["profile", var limit, var profiled])
{
    Profile.Run(profiled, int.Parse(limit, CultureInfo.InvariantCulture));
    return;
}

if (args is ["generate-flux", var fluxCount, var fluxTarget])
{
    SyntheticRepo.WriteFlux(fluxTarget, Math.Max(1, int.Parse(fluxCount, CultureInfo.InvariantCulture) / SyntheticRepo.ManifestsPerApp));
    return;
}

if (args is ["generate", var count, var target])
{
    var wanted = int.Parse(count, CultureInfo.InvariantCulture);
    SyntheticRepo.Write(target, Math.Max(1, wanted / SyntheticRepo.ManifestsPerApp));
    return;
}

var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var named = args.Skip(positional.Length).Chunk(2).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
var manifests = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 20_000;
var parallelism = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1;
var root = positional.Length > 2 ? positional[2] : Path.Combine(Path.GetTempPath(), $"scaffold-bench-{manifests}");
var apps = Math.Max(1, manifests / SyntheticRepo.ManifestsPerApp);
if (!Directory.Exists(root))
{
    SyntheticRepo.Write(root, apps);
}

var checker = new RepoChecker(PhysicalFileSystem.Instance, CheckConventions.Default);
var options = new CheckOptions { MaxParallelism = parallelism, RuleIds = [.. named["--rule"]], CrdDirectories = [.. named["--crds"]] };
checker.Check(root, [], options);
CheckReport report = null!;
var best = TimeSpan.MaxValue;
var bestCpu = TimeSpan.MaxValue;
long allocated = 0;
using var process = Process.GetCurrentProcess();
for (var run = 0; run < 3; run++)
{
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    report = checker.Check(root, [], options);
    clock.Stop();
    process.Refresh();
    bestCpu = process.TotalProcessorTime - cpuBefore < bestCpu ? process.TotalProcessorTime - cpuBefore : bestCpu;
    allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
    best = clock.Elapsed < best ? clock.Elapsed : best;
}

var seconds = best.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{report.ManifestsScanned} manifests in {report.FilesScanned} files, parallelism {parallelism}, best of 3: {best.TotalMilliseconds:F0} ms, " +
    $"{report.ManifestsScanned / seconds:F0} manifests/s wall; CPU {bestCpu.TotalMilliseconds:F0} ms, {report.ManifestsScanned / bestCpu.TotalSeconds:F0} manifests per CPU-second; {report.Findings.Count} findings, allocated {allocated / 1048576} MiB, " +
    $"peak working set {process.PeakWorkingSet64 / 1048576} MiB"));

var texts = Directory.EnumerateFiles(Path.Combine(root, "kubernetes"), "*.yaml", SearchOption.AllDirectories).Take(5000).Select(File.ReadAllText).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reader on {texts.Count} files: light tree {Time(() => texts.ForEach(t => YamlStreamReader.Read(t)))} ms, " +
    $"RepresentationModel {Time(() => texts.ForEach(t => new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(t))))} ms"));

static long Time(Action action)
{
    action();
    var clock = Stopwatch.StartNew();
    action();
    return clock.ElapsedMilliseconds;
}
