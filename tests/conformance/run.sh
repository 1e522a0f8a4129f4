#!/usr/bin/env bash
# Conformance validators for a rendered Scaffolder repo.
#
#   tests/conformance/run.sh REPO_DIR
#
# Runs, on files already present in REPO_DIR (this script renders nothing):
#   1. yamllint --strict with the stack configuration (.yamllint.yaml, STACK.md §7)
#   2. validate-manifests.mjs: upstream model validate() + unknown-field check
#   3. parse-hcl.mjs: every *.tf / *.tftest.hcl / *.hcl through @cdktf/hcl2json
#   4. validate-values.mjs: every app-template HelmRelease spec.values against the common 4.1.1 values schema
#   5. parse-promql.mjs: every PrometheusRule expr through @prometheus-io/lezer-promql
#   6. with RENOVATE_EXTRACT=1: tests/renovate/extract.mjs (Renovate itself on every repo under REPO_DIR)
#   7. optional: EXTRA_VALIDATOR_CMD (run with bash -c; REPO_DIR is exported), reported
#      under EXTRA_VALIDATOR_NAME (default "extra"), e.g.
#        EXTRA_VALIDATOR_NAME="scaffold check" EXTRA_VALIDATOR_CMD='scaffold check "$REPO_DIR"'
# Each validator counts as one pass or one fail; the last line is `N passed, N failed`.
# Exit code: 0 when every validator passed, 1 otherwise, 2 on usage error.
#
# KNOWN_FAILURES=FILE: the failures expected today, one `<FAIL line without "FAIL ">  # <reason>` a line ('#'
# comments and blank lines ignored). A validator whose every FAIL line is listed passes, and prints them as KNOWN.
# The list is compared exactly: an entry that no validator printed fails the extra validator "known failures",
# so an entry must be removed as soon as the failure is fixed.
#
# Needs: node >= 20, npm (only when node_modules is missing: runs `npm ci`), yamllint.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 REPO_DIR" >&2
  exit 2
fi
REPO_DIR="$1"
export REPO_DIR

passed=0
failed=0
record() { # record <exit code>
  if [[ "$1" -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

declare -A known=() seen=()
known_ok=0
if [[ -n "${KNOWN_FAILURES:-}" ]]; then
  if [[ ! -f "$KNOWN_FAILURES" ]]; then
    echo "usage: KNOWN_FAILURES=$KNOWN_FAILURES is not a file" >&2
    exit 2
  fi
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "${line//[[:space:]]/}" || "$line" == \#* ]] && continue
    entry="${line%%  # *}"
    reason="${line#*  # }"
    if [[ "$entry" == "$line" || -z "${reason//[[:space:]]/}" ]]; then
      echo "FAIL $KNOWN_FAILURES: an entry without its reason ('<failure>  # <reason>'): $line"
      known_ok=1
      continue
    fi
    known["$entry"]=1
  done <"$KNOWN_FAILURES"
fi

# run_validator <command...>: prints the command's output, with listed known failures as KNOWN, and records a pass
# when it exited 0, or exited 1 having printed only known failures.
run_validator() {
  local out rc line unknown=0 listed=0
  out="$("$@" 2>&1)"
  rc=$?
  while IFS= read -r line; do
    if [[ "$line" == "FAIL "* && -n "${known["${line#FAIL }"]+x}" ]]; then
      seen["${line#FAIL }"]=1
      listed=$((listed + 1))
      echo "KNOWN ${line#FAIL }"
    else
      [[ "$line" == "FAIL "* ]] && unknown=$((unknown + 1))
      [[ -n "$line" ]] && echo "$line"
    fi
  done <<<"$out"
  if [[ $rc -eq 0 || ($rc -eq 1 && $unknown -eq 0 && $listed -gt 0) ]]; then record 0; else record 1; fi
}

# ------------------------------------------------------------ dependencies
if [[ ! -d "$here/node_modules" ]]; then
  echo "conformance: node_modules missing, running npm ci"
  if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2); then
    echo "conformance: npm ci failed" >&2
  fi
fi

# ---------------------------------------------------------------- yamllint
mapfile -d '' yaml_files < <(find "$REPO_DIR" \( -name .git -o -name node_modules \) -prune -o \
  -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)
if ! command -v yamllint >/dev/null 2>&1; then
  echo "FAIL yamllint: not installed (apt-get install -y yamllint)"
  echo "yamllint: ${#yaml_files[@]} files, 0 problems (not run)"
  record 1
elif [[ ${#yaml_files[@]} -eq 0 ]]; then
  echo "yamllint: 0 files, 0 problems"
  record 0
else
  out="$(yamllint --strict -f parsable -c "$here/.yamllint.yaml" "${yaml_files[@]}" 2>&1)"
  rc=$?
  problems=0
  if [[ -n "$out" ]]; then
    while IFS= read -r line; do
      [[ -z "$line" ]] && continue
      echo "FAIL $line"
      problems=$((problems + 1))
    done <<<"$out"
  fi
  echo "yamllint: ${#yaml_files[@]} files, $problems problems"
  # --strict makes warnings fail too; a crash with no output still fails.
  if [[ $rc -ne 0 || $problems -ne 0 ]]; then record 1; else record 0; fi
fi

# -------------------------------------------------------- schema validation
run_validator node "$here/validate-manifests.mjs" "$REPO_DIR"

# -------------------------------------------------------------- HCL parsing
run_validator node "$here/parse-hcl.mjs" "$REPO_DIR"

# ------------------------------------------------------- chart values schema
run_validator node "$here/validate-values.mjs" "$REPO_DIR"

# ------------------------------------------------------------------ PromQL
run_validator node "$here/parse-promql.mjs" "$REPO_DIR"

# ------------------------------------------------------ Renovate extraction
if [[ "${RENOVATE_EXTRACT:-}" == 1 ]]; then
  run_validator node "$here/../renovate/extract.mjs" "$REPO_DIR"
fi

# --------------------------------------------------- optional extra validator
if [[ -n "${EXTRA_VALIDATOR_CMD:-}" ]]; then
  name="${EXTRA_VALIDATOR_NAME:-extra}"
  bash -c "$EXTRA_VALIDATOR_CMD"
  rc=$?
  if [[ $rc -eq 0 ]]; then echo "$name: passed"; else echo "$name: failed (exit $rc)"; fi
  record $rc
fi

# ------------------------------------------------ the known failures, exactly
if [[ -n "${KNOWN_FAILURES:-}" ]]; then
  for entry in "${!known[@]}"; do
    if [[ -z "${seen["$entry"]+x}" ]]; then
      echo "FAIL $KNOWN_FAILURES: listed but no longer failing (remove the line): $entry"
      known_ok=1
    fi
  done
  echo "known failures: ${#known[@]} listed, ${#seen[@]} still failing"
  record $known_ok
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
