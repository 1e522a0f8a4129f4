#!/usr/bin/env bash
# Conformance validators for a rendered Scaffolder repo.
#
#   tests/conformance/run.sh REPO_DIR
#
# Runs, on files already present in REPO_DIR (this script renders nothing):
#   1. yamllint --strict with the stack configuration (.yamllint.yaml, STACK.md §7)
#   2. validate-manifests.mjs: upstream model validate() + unknown-field check
#   3. parse-hcl.mjs: every *.tf / *.tftest.hcl / *.hcl through @cdktf/hcl2json
#   4. optional: EXTRA_VALIDATOR_CMD (run with bash -c; REPO_DIR is exported), reported
#      under EXTRA_VALIDATOR_NAME (default "extra"), e.g.
#        EXTRA_VALIDATOR_NAME="scaffold check" EXTRA_VALIDATOR_CMD='scaffold check "$REPO_DIR"'
# Each validator counts as one pass or one fail; the last line is `N passed, N failed`.
# Exit code: 0 when every validator passed, 1 otherwise, 2 on usage error.
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
node "$here/validate-manifests.mjs" "$REPO_DIR"
record $?

# -------------------------------------------------------------- HCL parsing
node "$here/parse-hcl.mjs" "$REPO_DIR"
record $?

# --------------------------------------------------- optional extra validator
if [[ -n "${EXTRA_VALIDATOR_CMD:-}" ]]; then
  name="${EXTRA_VALIDATOR_NAME:-extra}"
  bash -c "$EXTRA_VALIDATOR_CMD"
  rc=$?
  if [[ $rc -eq 0 ]]; then echo "$name: passed"; else echo "$name: failed (exit $rc)"; fi
  record $rc
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
