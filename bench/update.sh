#!/usr/bin/env bash
# Issue 19's benchmark: `scaffold update --all` of 100 apps (goal: median <= 2 s), measured with hyperfine
# (interleaved rounds) beside its peer, planning the same 100 apps from a values file (`new app --values --dry-run`):
#   unchanged   - today's template, nothing to merge (the CI drift gate's work, and a no-op update);
#   check       - `update --check` after a template change (read-only);
#   changed     - the HelmRelease template changed (version 2) and 10 of the 100 HelmReleases edited by the user:
#                 100 files re-rendered, 10 real 3-way merges through git merge-file, 100 files and answers written.
# Usage: bench/update.sh. Environment: RUNS (per round, default 5), ROUNDS (default 3),
# SCAFFOLD (a scaffold command to measure instead of packing and installing the Release tool package).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-3}
W=$(mktemp -d /tmp/scaffold-bench-update.XXXXXX)
trap 'rm -rf "$W"' EXIT
log() { printf '%s\n' "$*" >&2; }
command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null

if [[ -n "${SCAFFOLD:-}" ]]; then
  S="$SCAFFOLD"
else
  VERSION="0.1.0-bench.$(date +%s)"
  log "packing Scaffolder $VERSION"
  dotnet pack "$ROOT/src/Scaffolder.Cli" -c Release -o "$W/art" -p:Version="$VERSION" >"$W/pack.log" 2>&1 || { cat "$W/pack.log"; exit 1; }
  dotnet tool install --tool-path "$W/tool" --add-source "$W/art" --version "$VERSION" Scaffolder >/dev/null
  S="$W/tool/scaffold"
fi

git_() { git -C "$R" -c user.email=bench@example.com -c user.name=bench "$@"; }
R="$W/repo"
cp -r "$ROOT/samples/homelab" "$R"
git_ init -q && git_ add -A && git_ commit -qm sample
{ for i in $(seq -w 1 100); do printf -- '- name: app%s\n  port: 8080\n' "$i"; done; } > "$W/apps.yaml"
$S new app --values "$W/apps.yaml" --repo "$R" >/dev/null
git_ add -A && git_ commit -qm "100 apps"
log "100 apps generated and committed"

measure() { # name, prepare, command
  local name=$1 prepare=$2 cmd=$3
  for round in $(seq 1 "$ROUNDS"); do
    hyperfine -N --runs "$RUNS" --warmup 1 --prepare "$prepare" --export-json "$W/$name.$round.json" "$cmd" >/dev/null 2>&1 \
      || hyperfine --runs "$RUNS" --warmup 1 --prepare "$prepare" -i --export-json "$W/$name.$round.json" "$cmd" >/dev/null
  done
}

# Peer: planning the same 100 apps (the render and inserter work update repeats), in a copy without them.
cp -r "$ROOT/samples/homelab" "$W/peer"
measure peer "true" "$S new app --values $W/apps.yaml --repo $W/peer --dry-run"
measure unchanged "true" "$S update --all --repo $R"

# The template changes; 10 apps carry a user edit in the file the template changes.
mkdir -p "$R/.scaffold/templates" && cp -r "$ROOT/templates/app" "$R/.scaffold/templates/app"
sed -i 's/  maxHistory: 3/  maxHistory: 5/; s/^id: app$/id: app\nversion: "2"/' "$R/.scaffold/templates/app/helmrelease.yaml.sbn" "$R/.scaffold/templates/app/template.yaml"
for i in $(seq -w 1 10); do
  sed -i 's/^  install:$/  # tuned by hand\n  install:/' "$R/kubernetes/clusters/live/apps/app0$i/helmrelease.yaml" 2>/dev/null || true
done
git_ add -A && git_ commit -qm "template v2, 10 user edits"
measure check "true" "$S update --check --repo $R"
measure changed "git -C $R checkout -q -- . && git -C $R clean -qfd -- kubernetes .scaffold/answers" "$S update --all --repo $R"
$S update --all --repo "$R" >/dev/null
merged=$(grep -l "tuned by hand" "$R"/kubernetes/clusters/live/apps/app*/helmrelease.yaml | xargs grep -l "maxHistory: 5" | wc -l)

python3 - "$W" "$ROUNDS" "$merged" <<'PY'
import json, statistics, sys
w, rounds, merged = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def times(name):
    out = []
    for r in range(1, rounds + 1):
        out += json.load(open(f"{w}/{name}.{r}.json"))["results"][0]["times"]
    return out
peer = statistics.median(times("peer"))
print(f"peer: new app --values (100 apps) --dry-run   median {peer:.3f} s")
ok = True
for name, label in [("unchanged", "update --all, nothing changed"), ("check", "update --check after a template change"), ("changed", "update --all, template changed, 10 merges")]:
    t = times(name)
    m = statistics.median(t)
    ok &= m <= 2.0
    print(f"{label:45} median {m:.3f} s  min {min(t):.3f}  max {max(t):.3f}  ({m / peer:.2f}x peer)  {'PASS' if m <= 2.0 else 'FAIL'} (<= 2 s)")
print(f"user edits kept and template change merged: {merged}/10")
sys.exit(0 if ok and merged == 10 else 1)
PY
