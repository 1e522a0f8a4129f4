#!/usr/bin/env bash
# Proves the validators work: run.sh must pass fixtures/good and must fail
# fixtures/bad with a message naming the file and field for every validator.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
passed=0
failed=0
check() { # check <description> <command...>
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "selftest FAIL: $what"; fi
}

good="$("$here/run.sh" "$here/fixtures/good" 2>&1)"; good_rc=$?
bad="$("$here/run.sh" "$here/fixtures/bad" 2>&1)"; bad_rc=$?
printf '%s\n' "--- good" "$good" "--- bad" "$bad"

check "good exits 0" test "$good_rc" -eq 0
check "good: 3 passed, 0 failed" grep -qx '3 passed, 0 failed' <<<"$good"
check "good: no FAIL line" bash -c '! grep -q "^FAIL" <<<"$1"' _ "$good"
check "bad exits 1" test "$bad_rc" -eq 1
check "bad: 0 passed, 3 failed" grep -qx '0 passed, 3 failed' <<<"$bad"
check "bad: yamllint names secret.yaml and braces" grep -q '^FAIL .*broken/secret.yaml:10:8: .*(braces)$' <<<"$bad"
check "bad: spec.chartt is an unknown field" grep -q '^FAIL .*broken/helmrelease.yaml: HelmRelease broken: spec.chartt: unknown field spec.chartt$' <<<"$bad"
check "bad: string port" grep -q '^FAIL .*broken/httproute.yaml: HTTPRoute broken-internal: spec.rules\[0\].backendRefs\[0\].port: must be integer$' <<<"$bad"
check "bad: invalid HCL names main.tf" grep -q '^FAIL .*broken/main.tf: parse config: \[main.tf:3,9' <<<"$bad"
extra="$(EXTRA_VALIDATOR_NAME="extra check" EXTRA_VALIDATOR_CMD='test -d "$REPO_DIR" && false' "$here/run.sh" "$here/fixtures/good" 2>&1)"
check "extra validator counted" grep -qx '3 passed, 1 failed' <<<"$extra"

echo "selftest: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
