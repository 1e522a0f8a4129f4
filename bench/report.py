"""Summarises bench/run.sh's measurements: medians, ratios and PASS/FAIL per goal of issue 8."""
import glob
import json
import os
import statistics
import subprocess
import sys

work, package, written, inputs, cookie, elapsed = sys.argv[1:7]
cookie = cookie == "1"


def collect(pattern):
    """name -> (all wall times across rounds, user+sys means across rounds)."""
    times, cpu = {}, {}
    for path in sorted(glob.glob(os.path.join(work, pattern))):
        for result in json.load(open(path))["results"]:
            times.setdefault(result["command"], []).extend(result["times"])
            cpu.setdefault(result["command"], []).append(result["user"] + result["system"])
    return {k: (statistics.median(v), statistics.mean(cpu[k]), len(v)) for k, v in times.items()}


def verdict(ok):
    return "PASS" if ok else "FAIL"


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


model = sh("lscpu | sed -n 's/^Model name: *//p'")
load = sh("cut -d' ' -f1-3 /proc/loadavg")
print(f"# scaffold bench: {sh('date -u +%Y-%m-%dT%H:%MZ')}, {sh('nproc')} cores, {model}, load average {load}")
print(f"tool package: {package}; dotnet {sh('dotnet --version')}; hyperfine {sh('hyperfine --version').split()[-1]}")
print()
s = collect("startup-*.json")
print("## start-up (hyperfine, interleaved rounds; median wall, mean user+sys)")
print(f"{'command':<20}{'median s':>10}{'cpu s':>10}{'runs':>6}")
for name, (median, cpu, runs) in s.items():
    print(f"{name:<20}{median:>10.3f}{cpu:>10.3f}{runs:>6}")
print(f"(scaffold new app demo writes {written} files; the cookiecutter template writes as many)" if cookie else
      "cookiecutter: not installed and no Debian candidate: comparison SKIPPED")
dry = s["scaffold-dry"][0]
goals = []
r = dry / s["dotnet-new"][0]
goals.append((f"dry-run <= 0.25 x dotnet new console --dry-run: {r:.3f}", r <= 0.25))
if cookie:
    r = dry / s["cookiecutter"][0]
    goals.append((f"dry-run <= 0.6 x cookiecutter ({written} files): {r:.3f}", r <= 0.6))
else:
    goals.append(("dry-run <= 0.6 x cookiecutter: SKIPPED (cookiecutter not available)", None))
r = dry / s["hello"][0]
goals.append((f"dry-run <= 2.5 x hello-world floor: {r:.2f}", r <= 2.5))
print(f"ratios: write/dry {s['scaffold-write'][0] / dry:.2f}, composed/dry {s['scaffold-composed'][0] / dry:.2f}, "
      f"cpu dry/hello {s['scaffold-dry'][1] / s['hello'][1]:.2f}, cpu dry/dotnet-new {s['scaffold-dry'][1] / s['dotnet-new'][1]:.3f}")
jitted = os.path.join(work, "jitted.txt")
if os.path.exists(jitted):
    print(f"methods jitted by 'new app demo --dry-run' (DOTNET_JitDisasmSummary; the rest is ReadyToRun code): {open(jitted).read().strip()}")
print()

bulk = [line.split() for line in open(os.path.join(work, "bulk.txt")) if line.strip()]
wall = statistics.median(float(r[0]) for r in bulk)
cpu = statistics.mean(float(r[1]) + float(r[2]) for r in bulk)
system = statistics.mean(float(r[2]) for r in bulk)
rss = max(int(r[3]) for r in bulk)
rate = 1000 / wall
print(f"## bulk: scaffold new app --values many.yaml (1,000 apps, one process, writing; {len(bulk)} runs, each into a fresh copy)")
print(f"median {wall:.3f} s (runs: {', '.join(r[0] for r in bulk)}), cpu {cpu:.3f} s ({system:.3f} s system), {rate:.0f} apps/s, peak RSS {rss // 1024} MB, ResourceSet inputs added: {inputs}")
goals.append((f"bulk >= 500 apps/s: {rate:.0f} apps/s ({inputs} ResourceSet inputs)", rate >= 500 and inputs == "1000"))
print()

rows = {}
for line in open(os.path.join(work, "check.txt")):
    mode, n, wall, user, system, rss_kb, manifests = line.split()
    rows.setdefault((mode, int(n)), []).append((float(wall), float(user) + float(system), int(rss_kb), int(manifests)))
print("## scaffold check (synthetic repos; median of runs; 'one' = taskset -c 0 --jobs 1)")
print(f"{'mode':<8}{'manifests':>10}{'wall s':>9}{'cpu s':>8}{'manif/s':>10}{'per cpu-s':>11}{'peak MB':>9}")
med = {}
for (mode, n), values in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    wall = statistics.median(v[0] for v in values)
    cpu = statistics.median(v[1] for v in values)
    peak = max(v[2] for v in values) // 1024
    manifests = values[0][3]
    med[(mode, n)] = (wall, cpu, peak, manifests)
    print(f"{mode:<8}{manifests:>10}{wall:>9.2f}{cpu:>8.2f}{manifests / wall:>10.0f}{manifests / cpu:>11.0f}{peak:>9}")
one = med[("one", 100000)]
goals.append((f"check >= 10,000 manifests/s on one core at 100k: {one[3] / one[0]:.0f}/s", one[3] / one[0] >= 10000))
slope = med[("one", 100000)][0] / med[("one", 20000)][0]
size = med[("one", 100000)][3] / med[("one", 20000)][3]
goals.append((f"check linear: time 100k/20k = {slope:.2f} for {size:.2f}x the manifests (<= 5.5 passes)", slope <= 5.5))
peak = max(med[(m, 100000)][2] for m in ("one", "jobs1", "jobs2"))
goals.append((f"check peak RSS at 100k < 200 MB: {peak} MB (worst of the three modes)", peak < 200))
j1, j2 = med[("jobs1", 100000)][0], med[("jobs2", 100000)][0]
print(f"threads at 100k: --jobs 1 {j1:.2f} s, --jobs 2 {j2:.2f} s (speed-up {j1 / j2:.2f}x)")
print()

variants = collect("var-dry-*.json")
if variants:
    print("## runtime knobs (median wall / mean cpu)")
    bulk = collect("var-bulk-*.json")
    print(f"{'variant':<14}{'dry s':>8}{'dry cpu':>9}{'bulk s':>8}{'bulk cpu':>9}")
    for name, (median, cpu, _) in variants.items():
        bm = bulk.get(name, (float('nan'), float('nan'), 0))
        print(f"{name:<14}{median:>8.3f}{cpu:>9.3f}{bm[0]:>8.3f}{bm[1]:>9.3f}")
    print()

print("## goals (issue 8)")
for text, ok in goals:
    print(f"{'SKIP' if ok is None else verdict(ok)}  {text}")
print(f"\nbench took {elapsed} s; the machine is shared, so wall figures are noisy: compare the cpu columns too.")
