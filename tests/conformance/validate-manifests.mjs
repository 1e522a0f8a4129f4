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
import { crdSchemas } from "./crd-schemas.mjs";
import {
  ajvProblems,
  describeError,
  displayPath,
  formatPath,
  matchesAfterSubstitution,
  nameOf,
  patchFiles,
  pathKey,
  PLACEHOLDER,
  pointerToSegments,
  readDocuments,
  valueAt,
  walk,
} from "./lib.mjs";

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

function usage() {
  console.error("usage: node validate-manifests.mjs DIR");
  process.exit(2);
}

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) usage();

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
const patches = patchFiles(root, files);
const objectMeta = (
  await import(pathToFileURL(join(nodeModules, "@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta.js")).href)
).validate;
let documents = 0;
let byModel = 0;
let byCrd = 0;
let noSchema = 0;
let kustomizeFiles = 0;
let notObjects = 0;
let partials = 0;
let failures = 0;
let skips = 0;
let substituted = 0;

// SCHEMAS_LIST_KINDS=1 prints, before the summary, how many documents of each kind were validated and how.
const kinds = new Map();
function countKind(key) {
  kinds.set(key, (kinds.get(key) ?? 0) + 1);
}

function fail(file, kind, name, path, message) {
  failures++;
  console.log(`FAIL ${file}: ${kind} ${name}: ${path}: ${message}`);
}

for (const abs of files) {
  const file = displayPath(abs);
  for (const { index, doc, error, quoted } of readDocuments(abs)) {
    documents++;
    if (error !== undefined) fail(file, "document", `#${index}`, "(parse)", error);
    else await checkDocument(file, index, doc, patches.has(resolve(abs)), quoted);
  }
}

async function checkDocument(file, index, doc, partial, quoted) {
  const isObject = doc !== null && typeof doc === "object" && !Array.isArray(doc);
  const apiVersion = isObject ? doc.apiVersion : undefined;
  const kind = isObject ? doc.kind : undefined;
  const name = nameOf(doc, index);
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    notObjects++; // not a Kubernetes object (chart values, .scaffold.yaml, ...)
    return;
  }
  if (apiVersion.startsWith("kustomize.config.k8s.io/")) {
    kustomizeFiles++; // kustomize's own build file: read by kustomize, never sent to the API server
    return;
  }
  const crd = crdSchemas();
  const viaCrd = crd.byKey.get(`${apiVersion}|${kind}`);
  if (viaCrd) {
    byCrd++;
    countKind(`${apiVersion} ${kind} by CRD`);
    checkAgainstCrd(file, name, kind, doc, viaCrd, partial, quoted);
    return;
  }
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  if (crd.groups.has(group)) {
    noSchema++;
    fail(file, kind, name, "apiVersion", `no CRD schema for ${apiVersion} ${kind} in shared/crds (available: ${crd.groups.get(group).join(", ")})`);
    return;
  }
  const found = await findModel(apiVersion, kind);
  if (found.status === "none") {
    noSchema++;
    fail(file, kind, name, "apiVersion", `no schema for ${apiVersion} ${kind}: no pinned model package and no CRD in shared/crds`);
    return;
  }
  if (found.status === "unknown") {
    noSchema++;
    fail(file, kind, name, "apiVersion", found.message);
    return;
  }
  byModel++;
  countKind(`${apiVersion} ${kind} by model`);

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
        if (typeof value === "string" && PLACEHOLDER.test(value) && err.keyword !== "required" && !quoted.has(pathKey(segs))) {
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

/** Validates a document against its CRD schema (strict), and its metadata against the upstream ObjectMeta. */
function checkAgainstCrd(file, name, kind, doc, { validate }, partial, quoted) {
  if (partial) partials++;
  validate(doc);
  const options = {
    partial,
    quoted,
    onSkip: (path, value, message) => {
      skips++;
      console.log(`SKIP ${file}: ${kind} ${name}: ${path}: substitution placeholder in typed field (${value}: ${message})`);
    },
    onSubstituted: () => substituted++,
  };
  for (const { path, message } of ajvProblems(validate.errors, doc, [], options)) fail(file, kind, name, path, message);
  // The CRD schema says only `metadata: {type: object}`; the API server checks it as ObjectMeta.
  if (doc.metadata !== null && typeof doc.metadata === "object" && !Array.isArray(doc.metadata)) {
    objectMeta(doc.metadata);
    for (const { path, message } of ajvProblems(objectMeta.errors, doc, ["metadata"], options)) fail(file, kind, name, path, message);
    for (const segs of unknownFields(objectMeta, doc.metadata)) {
      const path = formatPath(["metadata", ...segs], doc);
      fail(file, kind, name, path, `unknown field ${path}`);
    }
  }
}

if (process.env.SCHEMAS_LIST_KINDS === "1") {
  for (const [key, n] of [...kinds].sort()) console.log(`schemas: kind ${key}: ${n}`);
}
if (skips || substituted) {
  console.log(
    `schemas: ${skips} substitution placeholder(s) in typed fields skipped, ` +
      `${substituted} value(s) with embedded placeholders matched their pattern after sample substitution`,
  );
}
console.log(
  `schemas: ${files.length} files, ${documents} documents, ${byModel + byCrd} validated ` +
    `(${byModel} by model, ${byCrd} by CRD, ${partials} of them kustomize patches), ${noSchema} of a kind with no schema, ` +
    `not Kubernetes objects: ${kustomizeFiles} kustomize file(s), ${notObjects} without apiVersion/kind; ${failures} failures`,
);
process.exit(failures > 0 ? 1 : 0);
