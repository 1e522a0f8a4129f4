#!/usr/bin/env bash
# Issue 8's benchmark: packs and installs the tool (ReadyToRun linux-x64 package) into a temporary tool path and
# measures, with hyperfine (interleaved: ROUNDS rounds, each running every command in turn) and /usr/bin/time -v:
#   scaffold new app demo --dry-run / writing run / composed run, against dotnet new console --dry-run,
#   a cookiecutter template writing the same number of files, and a ReadyToRun .NET hello world (the floor);
#   bulk: 1,000 apps from one values file (apps/s);
#   scaffold check on synthetic repos of 2,000, 20,000 and 100,000 manifests (one core and default threads).
# Prints medians, ratios and PASS/FAIL per goal. Usage: bench/run.sh [--variants]
#   --variants  also measures runtime knobs (dynamic code on/off, TieredPGO, QuickJitForLoops, ...).
# Environment: RUNS (per round, default 10), ROUNDS (default 3), BENCH_CACHE (synthetic check repos, kept).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-10}
ROUNDS=${ROUNDS:-3}
CACHE=${BENCH_CACHE:-/tmp/scaffold-bench-cache}
VARIANTS=0
[[ "${1:-}" == "--variants" ]] && VARIANTS=1
W=$(mktemp -d /tmp/scaffold-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
started=$(date +%s)
log() { printf '%s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
  log "installing hyperfine (Debian package)"
  apt-get install -y hyperfine >/dev/null
fi
[[ -x /usr/bin/time ]] || apt-get install -y time >/dev/null
COOKIE=1
if ! command -v cookiecutter >/dev/null; then
  if apt-cache policy cookiecutter 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "installing cookiecutter (Debian package)"
    apt-get install -y cookiecutter >/dev/null || COOKIE=0
  else
    COOKIE=0
  fi
fi

# --- the tool, packed and installed as users get it ----------------------------------------------------------
VERSION="0.1.0-bench.$(date +%s)"
log "packing Scaffolder $VERSION"
dotnet pack "$ROOT/src/Scaffolder.Cli" -c Release -o "$W/art" -p:Version="$VERSION" >"$W/pack.log" 2>&1 || { cat "$W/pack.log"; exit 1; }
dotnet tool install --tool-path "$W/tool" --add-source "$W/art" --version "$VERSION" Scaffolder >/dev/null
S="$W/tool/scaffold"
TOOLDIR=$(dirname "$(find "$W/tool/.store" -name scaffold.dll | head -1)")
case "$TOOLDIR" in *linux-x64*) PKG="linux-x64 (ReadyToRun)" ;; *) PKG="portable (any)" ;; esac

# --- the floor: a ReadyToRun hello world ---------------------------------------------------------------------
log "publishing a ReadyToRun hello world"
dotnet new console -o "$W/hello" -n hello >/dev/null 2>&1
dotnet publish "$W/hello" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$W/hello/out" >"$W/hello.log" 2>&1 || { cat "$W/hello.log"; exit 1; }
HELLO="$W/hello/out/hello"

# --- repositories --------------------------------------------------------------------------------------------
SAMPLE="$ROOT/samples/homelab"
cp -r "$SAMPLE" "$W/dry"
RESET="rm -rf $W/real && cp -r $SAMPLE $W/real"
eval "$RESET"
WRITTEN=$("$S" new app demo --repo "$W/real" | grep -cE '^(create|update) ' || true)
eval "$RESET"

# --- cookiecutter template writing the same number of files -------------------------------------------------
if [[ $COOKIE == 1 ]]; then
  mkdir -p "$W/cc/{{cookiecutter.name}}"
  printf '{"name": "demo", "image": "ghcr.io/example/demo", "version": "0.1.0", "port": "8080"}\n' >"$W/cc/cookiecutter.json"
  for i in $(seq 1 "$WRITTEN"); do
    cat >"$W/cc/{{cookiecutter.name}}/file-$i.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ cookiecutter.name }}
  namespace: {{ cookiecutter.name }}
data:
  image: "{{ cookiecutter.image }}:{{ cookiecutter.version }}"
  port: "{{ cookiecutter.port }}"
{% if cookiecutter.port != "80" %}  custom: "true"{% endif %}
YAML
  done
fi

# --- interleaved start-up comparison -------------------------------------------------------------------------
names=(hello dotnet-new scaffold-dry scaffold-write scaffold-composed)
cmds=("$HELLO"
      "dotnet new console --dry-run -o $W/dn -n dn"
      "$S new app demo --dry-run --repo $W/dry"
      "$S new app demo --repo $W/real"
      "$S new app demo --database --bucket --route internal --secret KEY --repo $W/real")
preps=(true true true "$RESET" "$RESET")
if [[ $COOKIE == 1 ]]; then
  names+=(cookiecutter)
  cmds+=("cookiecutter --no-input -f -o $W/cc-out $W/cc")
  preps+=("rm -rf $W/cc-out")
fi
log "start-up: $ROUNDS rounds x $RUNS runs of ${#names[@]} commands"
args=()
for i in "${!names[@]}"; do args+=(--prepare "${preps[$i]}" -n "${names[$i]}" "${cmds[$i]} >/dev/null"); done
for r in $(seq 1 "$ROUNDS"); do
  hyperfine --style none --warmup 2 --runs "$RUNS" --export-json "$W/startup-$r.json" "${args[@]}" >/dev/null
done
# Methods the JIT still compiles for 'new app demo --dry-run' (the rest comes precompiled in the ReadyToRun images):
# a regression indicator for start-up, not a goal.
DOTNET_JitStdOutFile="$W/jit.txt" DOTNET_JitDisasmSummary=1 "$S" new app demo --dry-run --repo "$W/dry" >/dev/null
grep -c 'JIT compiled' "$W/jit.txt" >"$W/jitted.txt" || true

# --- bulk ----------------------------------------------------------------------------------------------------
python3 - "$W/many.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        f.write(f"- name: bulk-{i:04d}\n")
        if i % 4 == 1: f.write("  database: true\n")
        if i % 4 == 2: f.write("  route: internal\n  secret: [API_KEY]\n")
        if i % 4 == 3: f.write("  bucket: true\n")
PY
# Each run writes into its own fresh copy, made before any run: deleting the ~10,000 files of a previous run just
# before the next one makes ext4's inode allocator skip every recently deleted inode (recently_deleted() in perf),
# which then costs more than the tool itself. The copies are removed at the end, with the work folder.
# ext4 also skips inodes deleted in the last 60 s when it allocates new ones (recently_deleted() in
# fs/ext4/ialloc.c): measured here, 1,000 apps right after deleting 30,000 files took 4.8-5.4 s (5.4-5.8 s system
# time), 65 s later 1.5-1.7 s (0.9-1.3 s system), with the same user time. Deletions before this point (a previous
# bench's clean-up, the start-up rounds' resets) would be measured instead of the tool, so the bulk runs wait
# BULK_SETTLE seconds (default 60; 0 to skip) after a sync.
BULK_RUNS=3
BULK_SETTLE=${BULK_SETTLE:-60}
for i in $(seq 1 "$BULK_RUNS"); do cp -r "$SAMPLE" "$W/bulk-$i"; done
sync
log "bulk: waiting ${BULK_SETTLE}s for ext4's recently-deleted window, then 1,000 apps, $BULK_RUNS runs"
sleep "$BULK_SETTLE"
: >"$W/bulk.txt"
for i in $(seq 1 "$BULK_RUNS"); do
  /usr/bin/time -f '%e %U %S %M' -o "$W/bulk.time" "$S" new app --values "$W/many.yaml" --repo "$W/bulk-$i" >/dev/null
  tail -n 1 "$W/bulk.time" >>"$W/bulk.txt"
done
INPUTS=$(grep -c '^    - name: bulk-' "$W/bulk-1/kubernetes/clusters/live/apps/apps-resourceset.yaml" || true)

# --- check ---------------------------------------------------------------------------------------------------
mkdir -p "$CACHE"
for n in 2000 20000 100000; do
  if [[ ! -f "$CACHE/check-$n/.done" ]]; then
    log "generating a synthetic repo of $n manifests (cached in $CACHE)"
    rm -rf "$CACHE/check-$n"
    dotnet run -c Release --project "$ROOT/bench/CheckBench" -- generate "$n" "$CACHE/check-$n" >/dev/null
    touch "$CACHE/check-$n/.done"
  fi
done
# one check run (after one unmeasured run for the page cache): prints "wall user sys maxrss_kb manifests".
# $2 is a prefix (taskset ...), $3 extra check options.
check_once() {
  local dir=$1 prefix=$2 extra=$3
  # shellcheck disable=SC2086
  $prefix "$S" check --repo "$dir" --format json $extra >"$W/check.json" 2>/dev/null || true
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S %M' -o "$W/check.time" $prefix "$S" check --repo "$dir" --format json $extra >"$W/check.json" || true
  printf '%s %s\n' "$(tail -n 1 "$W/check.time")" "$(jq '.summary.manifestsScanned' "$W/check.json")"
}
: >"$W/check.txt"
for n in 2000 20000 100000; do
  runs=3; [[ $n == 100000 ]] && runs=2
  log "check: $n manifests"
  for _ in $(seq 1 $runs); do
    echo "one $n $(check_once "$CACHE/check-$n" "taskset -c 0" "--jobs 1")" >>"$W/check.txt"
    echo "jobs1 $n $(check_once "$CACHE/check-$n" "" "--jobs 1")" >>"$W/check.txt"
    echo "jobs2 $n $(check_once "$CACHE/check-$n" "" "--jobs 2")" >>"$W/check.txt"
  done
done

# --- runtime knobs (optional) ----------------------------------------------------------------------------------
if [[ $VARIANTS == 1 ]]; then
  # Each variant is a copy of the installed tool folder with one runtimeconfig property changed.
  variant() { # name property json-value
    cp -r "$TOOLDIR" "$W/v-$1"
    jq --arg k "$2" --argjson v "$3" '.runtimeOptions.configProperties[$k] = $v' "$TOOLDIR/scaffold.runtimeconfig.json" >"$W/v-$1/scaffold.runtimeconfig.json"
  }
  cp -r "$TOOLDIR" "$W/v-shipped"
  variant dyncode-on System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported true
  variant dyncode-off System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported false
  variant pgo-off System.Runtime.TieredPGO false
  variant qjfl-off System.Runtime.TieredCompilation.QuickJitForLoops false
  variant tc-off System.Runtime.TieredCompilation false
  for kind in dry bulk; do
    if [[ $kind == dry ]]; then
      what="new app demo --dry-run --repo $W/dry"; vargs=(--warmup 2 --runs "$RUNS")
    else
      head -n 400 "$W/many.yaml" | sed -n '/^- name/,$p' >"$W/few.yaml"   # fewer apps keep the variant rounds short
      what="new app --values $W/few.yaml --repo $W/real"; vargs=(--runs 1 --prepare "$RESET")
    fi
    for v in shipped dyncode-on dyncode-off pgo-off qjfl-off tc-off; do
      vargs+=(-n "$v" "$W/v-$v/scaffold $what >/dev/null")
    done
    vargs+=(-n r2r-off "env DOTNET_ReadyToRun=0 $W/v-shipped/scaffold $what >/dev/null")
    log "variants: $kind"
    for r in $(seq 1 "$ROUNDS"); do
      hyperfine --style none --export-json "$W/var-$kind-$r.json" "${vargs[@]}" >/dev/null
    done
  done
fi

# --- report --------------------------------------------------------------------------------------------------
python3 "$ROOT/bench/report.py" "$W" "$PKG" "$WRITTEN" "$INPUTS" "$COOKIE" "$(( $(date +%s) - started ))"
