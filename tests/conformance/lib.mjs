// Helpers shared by the conformance validators: file walking, YAML parsing as the Kubernetes decoders do,
// Flux placeholder handling, JSON-path formatting, and where the upstream test data (shared/) is.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isPair, isScalar, isSeq, parseAllDocuments, visit } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (tests/conformance/../..). */
export const repoRoot = resolve(here, "..", "..");

/**
 * The folder of upstream test data (CRDs, chart schemas): `<repo>/../shared`, as laid beside the repository for the
 * developers and CI. In a git worktree elsewhere, `<main repo>/../shared` (the main working tree of the same git
 * repository); in a clone, beside the repository it was cloned from (a local origin); else /work/shared.
 * SCAFFOLDER_SHARED_DIR overrides all of them.
 */
export function sharedDir() {
  if (process.env.SCAFFOLDER_SHARED_DIR) return resolve(process.env.SCAFFOLDER_SHARED_DIR);
  const beside = resolve(repoRoot, "..", "shared");
  if (existsSync(beside)) return beside;
  try {
    const common = execFileSync("git", ["-C", repoRoot, "rev-parse", "--path-format=absolute", "--git-common-dir"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const main = resolve(dirname(common), "..", "shared");
    if (existsSync(main)) return main;
    // A clone elsewhere (CI clones main into a fresh folder): beside the repository it was cloned from.
    const origin = execFileSync("git", ["-C", repoRoot, "remote", "get-url", "origin"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const fromOrigin = resolve(origin.replace(/^file:\/\//, ""), "..", "shared");
    if (existsSync(join(origin.replace(/^file:\/\//, ""))) && existsSync(fromOrigin)) return fromOrigin;
  } catch {
    // not a git checkout, or no local origin: fall through
  }
  // The workplace's shared folder, where every checkout on these machines finds it.
  if (existsSync("/work/shared/crds")) return "/work/shared";
  throw new Error(`upstream test data not found: ${beside} does not exist (set SCAFFOLDER_SHARED_DIR)`);
}

/** Every `*.yaml` (and `*.yml` when asked) under dir, sorted, skipping .git and node_modules. */
export function walk(dir, { yml = false } = {}, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, { yml }, out);
    else if (entry.isFile() && (entry.name.endsWith(".yaml") || (yml && entry.name.endsWith(".yml")))) out.push(p);
  }
  return out;
}

/** A path relative to the current directory when it is under it, absolute otherwise. */
export function displayPath(abs) {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") ? rel : abs;
}

/**
 * The documents of a YAML file, parsed as YAML 1.1 like the Kubernetes/Flux decoders (yes/no/on/off are booleans),
 * with timestamps kept as strings as sigs.k8s.io/yaml does. Each item is `{ index, doc, quoted }` or
 * `{ index, error }`; empty documents are left out. `quoted` holds the paths (see pathKey) of the quoted scalars that
 * are exactly a Flux placeholder: Flux substitutes the text, so `"${replicas}"` stays a string after substitution.
 */
export function readDocuments(abs) {
  const yamlDocs = parseAllDocuments(readFileSync(abs, "utf8"), {
    version: "1.1",
    customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp"),
  });
  const out = [];
  for (const [index, yamlDoc] of (Array.isArray(yamlDocs) ? yamlDocs : [yamlDocs]).entries()) {
    if (yamlDoc.errors.length) {
      out.push({ index, error: yamlDoc.errors[0].message.split("\n")[0].replace(/:$/, "") });
      continue;
    }
    try {
      const doc = yamlDoc.toJS({ maxAliasCount: 100 });
      if (doc !== null && doc !== undefined) out.push({ index, doc, quoted: quotedPlaceholders(yamlDoc) });
    } catch (e) {
      out.push({ index, error: e.message.split("\n")[0].replace(/:$/, "") });
    }
  }
  return out;
}

/** A JSON path (segments) as one string key. */
export function pathKey(segments) {
  return segments.join("\u0000");
}

function quotedPlaceholders(yamlDoc) {
  const quoted = new Set();
  visit(yamlDoc, {
    Scalar(key, node, ancestors) {
      if (key === "key" || (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE") || typeof node.value !== "string") return;
      if (!PLACEHOLDER.test(node.value)) return;
      const segments = [];
      const chain = [...ancestors, node];
      for (let i = 0; i < chain.length - 1; i++) {
        const parent = chain[i];
        const child = chain[i + 1];
        if (isSeq(parent)) segments.push(String(parent.items.indexOf(child)));
        else if (isPair(parent)) segments.push(String(isScalar(parent.key) ? parent.key.value : parent.key));
      }
      quoted.add(pathKey(segments));
    },
  });
  return quoted;
}

/** The metadata.name of a document, or `#index`. */
export function nameOf(doc, index) {
  return (doc && typeof doc === "object" && doc.metadata && typeof doc.metadata === "object" && doc.metadata.name) || `#${index}`;
}

/** A Flux postBuild substitution, `${var}` or with a default (`${var:-default}`, `${var:=default}`). */
export const PLACEHOLDER = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:[-=][^}]*)?\}$/;
const EMBEDDED_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::[-=]([^}]*))?\}/g;

/**
 * A string that embeds placeholders (e.g. hostname "app.${internal_domain}") is checked against the schema pattern
 * after replacing each placeholder by its `:-default`, or by the sample "x" when it has none.
 */
export function matchesAfterSubstitution(value, pattern) {
  if (!pattern || !EMBEDDED_PLACEHOLDER.test(value)) return false;
  EMBEDDED_PLACEHOLDER.lastIndex = 0;
  const sample = value.replace(EMBEDDED_PLACEHOLDER, (_, def) => (def !== undefined && def !== "" ? def : "x"));
  try {
    return new RegExp(pattern, "u").test(sample);
  } catch {
    return false;
  }
}

export function pointerToSegments(pointer) {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function formatPath(segments, doc) {
  let out = "";
  let cur = doc;
  for (const seg of segments) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out += `[${seg}]`;
      cur = cur[Number(seg)];
    } else {
      out += /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg) ? (out ? `.${seg}` : seg) : `[${JSON.stringify(seg)}]`;
      cur = cur !== null && typeof cur === "object" ? cur[seg] : undefined;
    }
  }
  return out || "(root)";
}

export function valueAt(segments, doc) {
  let cur = doc;
  for (const seg of segments) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = cur[Array.isArray(cur) ? Number(seg) : seg];
  }
  return cur;
}

export function describeError(err) {
  let msg = err.message ?? err.keyword;
  const p = err.params ?? {};
  if (err.keyword === "enum" && p.allowedValues) msg += `: ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (err.keyword === "pattern" && p.pattern) msg = `must match pattern ${JSON.stringify(p.pattern)}`;
  return msg;
}

/**
 * Turns ajv errors of one validated value into problems, as `{ path, message }`, or skips:
 * - `additionalProperties` is `unknown field <path>` at the field's own path;
 * - a value that is exactly a Flux placeholder and fails a type/enum/pattern/format check is a skip (Flux postBuild
 *   substitutes it before apply), reported through onSkip, unless it is quoted in the YAML (`quoted`, from
 *   readDocuments): then it stays a string after substitution and the error stands;
 * - a string that embeds placeholders and fails a pattern is retried with sample values (onSubstituted);
 * - `required` is dropped when `partial` (a kustomize patch holds a partial object);
 * - ajv's "must match a schema in anyOf/oneOf" after a branch error on the same path is kept once.
 * `base` are the path segments of the validated value inside doc.
 */
export function ajvProblems(errors, doc, base, { partial = false, quoted = new Set(), onSkip = () => {}, onSubstituted = () => {} } = {}) {
  const seen = new Set();
  const out = [];
  for (const err of errors ?? []) {
    if (partial && err.keyword === "required") continue;
    let segs = [...base, ...pointerToSegments(err.instancePath)];
    let message = describeError(err);
    if (err.keyword === "additionalProperties") {
      segs = [...segs, err.params.additionalProperty];
    }
    const path = formatPath(segs, doc);
    if (err.keyword === "additionalProperties") message = `unknown field ${path}`;
    const value = valueAt(segs, doc);
    if (
      typeof value === "string" &&
      PLACEHOLDER.test(value) &&
      err.keyword !== "required" &&
      err.keyword !== "additionalProperties" &&
      !quoted.has(pathKey(segs))
    ) {
      onSkip(path, value, message);
      continue;
    }
    if (err.keyword === "pattern" && typeof value === "string" && matchesAfterSubstitution(value, err.params?.pattern)) {
      onSubstituted(path);
      continue;
    }
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

/**
 * The files that kustomization.yaml files under root list as patches (`patches[].path`, `patchesStrategicMerge`):
 * they hold partial objects, so required fields are not enforced in them.
 */
export function patchFiles(root, files) {
  const patches = new Set();
  for (const abs of files) {
    if (!/(^|\/)kustomization\.ya?ml$/.test(abs)) continue;
    for (const { doc } of readDocuments(abs)) {
      if (!doc || typeof doc !== "object") continue;
      const paths = [];
      for (const p of Array.isArray(doc.patches) ? doc.patches : []) if (p && typeof p.path === "string") paths.push(p.path);
      for (const p of Array.isArray(doc.patchesStrategicMerge) ? doc.patchesStrategicMerge : []) if (typeof p === "string") paths.push(p);
      for (const p of paths) patches.add(resolve(dirname(abs), p));
    }
  }
  return patches;
}
