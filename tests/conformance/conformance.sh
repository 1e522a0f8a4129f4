#!/usr/bin/env bash
# Renders every snapshot scenario with the given scaffold command into a temporary folder, then runs the
# conformance validators (yamllint, upstream models and CRDs, HCL parsing, app-template values, PromQL), Renovate
# (tests/renovate, installed by `npm ci` there) and `scaffold check` on every rendered repo. The failures today's
# templates are known to have are listed, each with its reason, in known-failures.txt, which must match exactly.
#   SCAFFOLD="/path/to/scaffold" tests/conformance/conformance.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SCAFFOLD="${SCAFFOLD:-scaffold}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[[ -d "$here/node_modules" ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
node "$here/render-scenarios.mjs" "$out" || exit 1

export EXTRA_VALIDATOR_NAME="scaffold check"
export EXTRA_VALIDATOR_CMD='n=0; bad=0; for d in "$REPO_DIR"/*/; do n=$((n+1)); if ! $SCAFFOLD check --repo "$d" --format text > "$d/../check-$n.txt"; then bad=$((bad+1)); cat "$d/../check-$n.txt"; fi; rm -f "$d/../check-$n.txt"; done; echo "scaffold check: $n repos, $bad with findings"; [[ $bad -eq 0 ]]'
# From inside the render folder, so every reported path starts with the scenario id, as known-failures.txt lists it.
cd "$out" && RENOVATE_EXTRACT=1 KNOWN_FAILURES="$here/known-failures.txt" bash "$here/run.sh" .
