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
check "good: 5 passed, 0 failed" grep -qx '5 passed, 0 failed' <<<"$good"
check "good: Cluster and ResourceSet validated by their CRDs" grep -q '^schemas: .* validated (12 by model, 3 by CRD, .*; 0 failures$' <<<"$good"
check "good: no document of a kind without a schema" grep -q ', 0 of a kind with no schema,' <<<"$good"
check "good: no FAIL line" bash -c '! grep -q "^FAIL" <<<"$1"' _ "$good"
check "bad exits 1" test "$bad_rc" -eq 1
check "bad: 0 passed, 5 failed" grep -qx '0 passed, 5 failed' <<<"$bad"
check "bad: yamllint names secret.yaml and braces" grep -q '^FAIL .*broken/secret.yaml:10:8: .*(braces)$' <<<"$bad"
check "bad: spec.chartt is an unknown field" grep -q '^FAIL .*broken/helmrelease.yaml: HelmRelease broken: spec.chartt: unknown field spec.chartt$' <<<"$bad"
check "bad: string port" grep -q '^FAIL .*broken/httproute.yaml: HTTPRoute broken-internal: spec.rules\[0\].backendRefs\[0\].port: must be integer$' <<<"$bad"
check "bad: CRD strict: unknown field in a Cluster" grep -q '^FAIL .*broken/database-cluster.yaml: Cluster broken-database: spec.backup.barmanObjectStore.endpointUrl: unknown field spec.backup.barmanObjectStore.endpointUrl$' <<<"$bad"
check "bad: CRD: a ResourceSet input that is not an object" grep -q '^FAIL .*broken/resourceset.yaml: ResourceSet broken: spec.inputs\[0\]: must be object$' <<<"$bad"
check "bad: app-template values: misspelled container field" grep -q '^FAIL .*broken/helmrelease-values.yaml: HelmRelease broken-values: spec.values.controllers.broken.containers.app.imagee: unknown field' <<<"$bad"
check "bad: PromQL that does not parse" grep -q '^FAIL .*broken/prometheus-rules.yaml: PrometheusRule broken: spec.groups\[0\].rules\[0\].expr: BrokenDown: syntax error' <<<"$bad"
check "bad: invalid HCL names main.tf" grep -q '^FAIL .*broken/main.tf: parse config: \[main.tf:3,9' <<<"$bad"
extra="$(EXTRA_VALIDATOR_NAME="extra check" EXTRA_VALIDATOR_CMD='test -d "$REPO_DIR" && false' "$here/run.sh" "$here/fixtures/good" 2>&1)"
check "extra validator counted" grep -qx '5 passed, 1 failed' <<<"$extra"

# Known failures: listed failures pass their validator and print as KNOWN; the list must match exactly.
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
bad_lines="$(grep '^FAIL ' <<<"$bad" | grep -v 'yamllint\|braces' | sed 's/^FAIL //')"
sed 's/$/  # selftest: expected/' <<<"$bad_lines" >"$list"
known="$(KNOWN_FAILURES="$list" "$here/run.sh" "$here/fixtures/bad" 2>&1)"
check "known: every listed failure passes its validator (only yamllint fails)" grep -qx '5 passed, 1 failed' <<<"$known"
check "known: listed failures print as KNOWN" grep -q '^KNOWN .*broken/resourceset.yaml: ResourceSet broken: spec.inputs\[0\]: must be object$' <<<"$known"
echo "fixtures/bad/kubernetes/apps/broken/gone.yaml: Cluster gone: spec.x: unknown field spec.x  # selftest: fixed" >>"$list"
stale="$(KNOWN_FAILURES="$list" "$here/run.sh" "$here/fixtures/bad" 2>&1)"
check "known: a listed failure that no longer fails fails the suite" grep -q "^FAIL $list: listed but no longer failing (remove the line): fixtures/bad/kubernetes/apps/broken/gone.yaml" <<<"$stale"
check "known: stale entry counted" grep -qx '4 passed, 2 failed' <<<"$stale"
echo "fixtures/bad/kubernetes/apps/broken/x.yaml: no reason given" >"$list"
noreason="$(KNOWN_FAILURES="$list" "$here/run.sh" "$here/fixtures/good" 2>&1)"
check "known: an entry without its reason fails" grep -q "^FAIL $list: an entry without its reason" <<<"$noreason"

# Renovate (tests/renovate, installed by .ci/run): the extraction check accepts a docker pin and an OCI chart pinned
# with datasource=docker, and fails on an OCI chart pinned with datasource=helm, a comment the config's regex does not
# match (fields out of order), and a version with no comment.
ren="$(cd "$here" && node "$here/../renovate/extract.mjs" fixtures/renovate 2>&1)"; ren_rc=$?
printf '%s\n' "--- renovate" "$ren"
check "renovate: exits 1" test "$ren_rc" -eq 1
check "renovate: the config passes the validator" grep -q '^renovate: docs/renovate/renovate.json passes renovate-config-validator --strict$' <<<"$ren"
check "renovate: OCI chart with datasource helm fails" grep -q '^FAIL fixtures/renovate/kubernetes/platform/versions.env:6: oci_helm_version: OCI artifact oci://ghcr.io/bjw-s-labs/helm/app-template extracted with datasource "helm"' <<<"$ren"
check "renovate: a comment the regex does not match fails" grep -q '^FAIL fixtures/renovate/kubernetes/platform/versions.env:8: cert_manager_version: not extracted by Renovate' <<<"$ren"
check "renovate: a version with no comment fails" grep -q '^FAIL fixtures/renovate/kubernetes/platform/versions.env:9: unpinned_version: no `# renovate: datasource=... depName=...` comment' <<<"$ren"
check "renovate: the good pins pass (3 failures in all)" grep -qx 'renovate: 1 repositories, 5 pins, 3 extracted, 3 failures ([0-9]* s)' <<<"$ren"

echo "selftest: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
