#!/usr/bin/env node
// Schema conformance for every Kubernetes manifest under DIR.
//
// For each YAML document with apiVersion + kind:
//   1. find the model class in the pinned @kubernetes-models packages / kubernetes-models
//      (<package>/<group>/<version>/<Kind>.js, core: kubernetes-models/v1/<Kind>.js);
//   2. run the model's validate() (types, enums, patterns, required fields);
//   3. run the same compiled schema validator on a recording proxy of the document and
//      fail on every field name the schema does not define. The models' validators ignore
//      unknown fields, so this is what catches `spec.chartt`.
//
// How (3) works: these package versions ship no JSON schema files, only the schemas
// compiled to standalone AJV code (`_schemas/*.js`, imported by each model class). That
// code reads every property the schema defines (`void 0!==data.<prop>`), and iterates and
// reads every key of maps (additionalProperties / patternProperties, e.g.
// metadata.labels, through the apimachinery ObjectMeta schema). So a key of an object that
// the validator looked into but never read is a field the schema does not define. Objects
// the validator never read a key of are free-form (x-kubernetes-preserve-unknown-fields,
// e.g. HelmRelease spec.values) and are not checked.
//
// A value that is exactly a Flux substitution placeholder (`${var}` / `${var:-default}`)
// and fails a type/enum/pattern/format check is reported as a SKIP ("substitution
// placeholder in typed field"), not a failure: Flux postBuild replaces it before apply.
//
// Output: one `FAIL <file>: <kind> <name>: <json path>: <message>` per problem, and the
// summary `schemas: F files, D documents, V validated, N no model, X failures`.
// Exit code 1 when failures > 0, 2 on usage error.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = join(here, "node_modules");

// Packages that carry models, in lookup order. kubernetes-models holds core and the
// built-in API groups (apps, batch, networking.k8s.io, ...).
const MODEL_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/flux-cd",
  "@kubernetes-models/external-secrets",
  "@kubernetes-models/gateway-api",
  "@kubernetes-models/prometheus-operator",
  "@kubernetes-models/cert-manager",
];

const PLACEHOLDER = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}$/;
const EMBEDDED_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::-([^}]*))?\}/g;

// A string that embeds placeholders (e.g. hostname "app.${internal_domain}") is checked
// against the schema pattern after replacing each placeholder by its `:-default`, or by
// the sample "x" when it has none. It fails only if it does not match then either.
function matchesAfterSubstitution(value, pattern) {
  if (!pattern || !EMBEDDED_PLACEHOLDER.test(value)) return false;
  EMBEDDED_PLACEHOLDER.lastIndex = 0;
  const sample = value.replace(EMBEDDED_PLACEHOLDER, (_, def) => (def !== undefined && def !== "" ? def : "x"));
  try {
    return new RegExp(pattern, "u").test(sample);
  } catch {
    return false;
  }
}

function usage() {
  console.error("usage: node validate-manifests.mjs DIR");
  process.exit(2);
}

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) usage();

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && entry.name.endsWith(".yaml")) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------- model lookup

const modelCache = new Map();

/** @returns {Promise<{status: "model", Model, rawValidate} | {status: "none"} | {status: "unknown", message}>} */
async function findModel(apiVersion, kind) {
  const key = `${apiVersion}|${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  const result = await lookupModel(apiVersion, kind);
  modelCache.set(key, result);
  return result;
}

async function lookupModel(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9]+$/.test(kind)) {
    return { status: "none" };
  }
  const parts = apiVersion.split("/");
  if (parts.length > 2 || parts.some((p) => !/^[A-Za-z0-9.-]+$/.test(p))) return { status: "none" };
  const groupDir = parts.length === 2 ? parts[0] : null; // null = core group
  const version = parts[parts.length - 1];

  let groupKnown = false;
  for (const pkg of MODEL_PACKAGES) {
    const pkgDir = join(nodeModules, pkg);
    const gDir = groupDir ? join(pkgDir, groupDir) : pkgDir;
    if (groupDir && !existsSync(gDir)) continue;
    const vDir = join(gDir, version);
    if (!existsSync(vDir)) {
      if (groupDir) groupKnown = true;
      continue;
    }
    groupKnown = true;
    const file = join(vDir, `${kind}.js`);
    if (!existsSync(file)) continue;
    const mod = await import(pathToFileURL(file).href);
    const Model = mod[kind];
    if (typeof Model !== "function" || Model.apiVersion !== apiVersion || Model.kind !== kind) continue;
    // The class file imports its compiled schema: import{validate}from"../../_schemas/X.js"
    const src = readFileSync(file, "utf8");
    const m = src.match(/import\{validate\}from"([^"]+)"/);
    let rawValidate = null;
    if (m) {
      const schemaFile = m[1].startsWith(".") ? resolve(vDir, m[1]) : resolveBare(m[1]);
      if (schemaFile) rawValidate = (await import(pathToFileURL(schemaFile).href)).validate;
    }
    return { status: "model", Model, rawValidate, source: relative(nodeModules, file) };
  }
  if (groupKnown || groupDir === null) {
    // The API group is modelled but this version/kind is not: a typo or a wrong version.
    return {
      status: "unknown",
      message: `no ${kind} in ${apiVersion} in the pinned models (${availableVersions(groupDir)})`,
    };
  }
  return { status: "none" };
}

function resolveBare(spec) {
  // "@kubernetes-models/apimachinery/_schemas/X" -> node_modules/.../_schemas/X.js
  const p = join(nodeModules, spec);
  if (existsSync(p)) return p;
  if (existsSync(`${p}.js`)) return `${p}.js`;
  return null;
}

function availableVersions(groupDir) {
  const found = [];
  for (const pkg of MODEL_PACKAGES) {
    const gDir = groupDir ? join(nodeModules, pkg, groupDir) : null;
    if (gDir && existsSync(gDir)) {
      for (const e of readdirSync(gDir, { withFileTypes: true })) if (e.isDirectory()) found.push(`${groupDir}/${e.name}`);
    }
  }
  if (!groupDir) found.push("v1");
  return found.length ? `available: ${found.join(", ")}` : "group not modelled";
}

// ------------------------------------------------------------- path formatting

function pointerToSegments(pointer) {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function formatPath(segments, doc) {
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

function valueAt(segments, doc) {
  let cur = doc;
  for (const seg of segments) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = cur[Array.isArray(cur) ? Number(seg) : seg];
  }
  return cur;
}

function describeError(err) {
  let msg = err.message ?? err.keyword;
  const p = err.params ?? {};
  if (err.keyword === "enum" && p.allowedValues) msg += `: ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (err.keyword === "pattern" && p.pattern) msg = `must match pattern ${JSON.stringify(p.pattern)}`;
  return msg;
}

// --------------------------------------------------------- unknown-field probe

/** Wrap a plain JSON tree in proxies that record which keys the validator reads. */
function wrap(value, segments, records) {
  if (Array.isArray(value)) return value.map((v, i) => wrap(v, [...segments, String(i)], records));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const [k, v] of Object.entries(value)) target[k] = wrap(v, [...segments, k], records);
  const rec = { segments, keys: Object.keys(value), read: new Set() };
  records.push(rec);
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "string") rec.read.add(prop);
      return Reflect.get(t, prop, receiver);
    },
    has(t, prop) {
      if (typeof prop === "string") rec.read.add(prop);
      return Reflect.has(t, prop);
    },
  });
}

function unknownFields(rawValidate, doc) {
  const records = [];
  const proxied = wrap(doc, [], records);
  rawValidate(proxied);
  const unknown = [];
  for (const rec of records) {
    if (rec.read.size === 0) continue; // free-form object: the schema defines no properties
    for (const k of rec.keys) if (!rec.read.has(k)) unknown.push([...rec.segments, k]);
  }
  return unknown;
}

// ------------------------------------------------------------------------ main

const files = walk(root);
let documents = 0;
let validated = 0;
let noModel = 0;
let failures = 0;
let skips = 0;
let substituted = 0;

function fail(file, kind, name, path, message) {
  failures++;
  console.log(`FAIL ${file}: ${kind} ${name}: ${path}: ${message}`);
}

function displayPath(abs) {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") ? rel : abs;
}

for (const abs of files) {
  const file = displayPath(abs);
  const text = readFileSync(abs, "utf8");
  // YAML 1.1 like the Kubernetes/Flux decoders (yes/no/on/off are booleans), but
  // timestamps stay strings as they do for sigs.k8s.io/yaml.
  const yamlDocs = parseAllDocuments(text, {
    version: "1.1",
    customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp"),
  });
  const list = Array.isArray(yamlDocs) ? yamlDocs : [yamlDocs];
  for (const [index, yamlDoc] of list.entries()) {
    if (yamlDoc.errors.length) {
      documents++;
      for (const e of yamlDoc.errors) fail(file, "document", `#${index}`, "(parse)", e.message.split("\n")[0].replace(/:$/, ""));
      continue;
    }
    let doc;
    try {
      doc = yamlDoc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      documents++;
      fail(file, "document", `#${index}`, "(parse)", e.message.split("\n")[0].replace(/:$/, ""));
      continue;
    }
    if (doc === null || doc === undefined) continue; // empty document (e.g. a trailing `---`)
    documents++;
    await checkDocument(file, index, doc);
  }
}

async function checkDocument(file, index, doc) {
  const isObject = doc !== null && typeof doc === "object" && !Array.isArray(doc);
  const apiVersion = isObject ? doc.apiVersion : undefined;
  const kind = isObject ? doc.kind : undefined;
  const name = (isObject && doc.metadata && typeof doc.metadata === "object" && doc.metadata.name) || `#${index}`;
  const found = await findModel(apiVersion, kind);
  if (found.status === "none") {
    noModel++;
    return;
  }
  if (found.status === "unknown") {
    fail(file, kind, name, "apiVersion", found.message);
    return;
  }
  validated++;

  // 1. the model's own validate(): types, enums, patterns, required fields.
  const seen = new Set();
  try {
    new found.Model(doc).validate();
  } catch (e) {
    if (!Array.isArray(e.errors)) {
      fail(file, kind, name, "(root)", e.message);
    } else {
      for (const err of e.errors) {
        const segs = pointerToSegments(err.instancePath);
        const path = formatPath(segs, doc);
        const message = describeError(err);
        const dedupe = `${path}|${message}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const value = valueAt(segs, doc);
        if (typeof value === "string" && PLACEHOLDER.test(value) && err.keyword !== "required") {
          skips++;
          console.log(`SKIP ${file}: ${kind} ${name}: ${path}: substitution placeholder in typed field (${value}: ${message})`);
          continue;
        }
        if (err.keyword === "pattern" && typeof value === "string" && matchesAfterSubstitution(value, err.params?.pattern)) {
          substituted++;
          continue;
        }
        fail(file, kind, name, path, message);
      }
    }
  }

  // 2. field names the schema does not define.
  if (!found.rawValidate) {
    fail(file, kind, name, "(root)", `cannot locate the compiled schema of ${found.source}`);
    return;
  }
  for (const segs of unknownFields(found.rawValidate, doc)) {
    const path = formatPath(segs, doc);
    fail(file, kind, name, path, `unknown field ${path}`);
  }
}

if (skips || substituted) {
  console.log(
    `schemas: ${skips} substitution placeholder(s) in typed fields skipped, ` +
      `${substituted} value(s) with embedded placeholders matched their pattern after sample substitution`,
  );
}
console.log(
  `schemas: ${files.length} files, ${documents} documents, ${validated} validated, ${noModel} no model, ${failures} failures`,
);
process.exit(failures > 0 ? 1 : 0);
