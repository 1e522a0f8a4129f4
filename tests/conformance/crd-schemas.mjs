// Strict validators built from the verbatim upstream CRDs in shared/crds (issue 18 item 6).
//
// Each served version's `openAPIV3Schema` compiles with ajv (draft-07, allErrors), after one change that makes it as
// strict as kubeconform -strict: every object schema that lists `properties` is closed (`additionalProperties: false`)
// unless it is marked `x-kubernetes-preserve-unknown-fields` or already says what extra keys may hold. Only the
// structural nodes are closed (properties, items, additionalProperties), not allOf/anyOf/oneOf/not branches, which in
// a structural schema only add value checks. `x-kubernetes-int-or-string` becomes "integer or string". CEL rules
// (`x-kubernetes-validations`) are not evaluated; unknown formats (int32, int64, byte, ...) are not checked.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { sharedDir } from "./lib.mjs";

/** Closes the structural object schemas of a CRD schema, in place. */
export function closeSchema(node) {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  if (node["x-kubernetes-int-or-string"] === true && node.type === undefined && node.anyOf === undefined) {
    node.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (node.properties && typeof node.properties === "object") {
    for (const child of Object.values(node.properties)) closeSchema(child);
    if (node["x-kubernetes-preserve-unknown-fields"] !== true && node.additionalProperties === undefined) {
      node.additionalProperties = false;
    }
  }
  if (node.items) closeSchema(node.items);
  if (node.additionalProperties && typeof node.additionalProperties === "object") closeSchema(node.additionalProperties);
  return node;
}

let cache = null;

/**
 * The CRD validators by `group/version` and kind: `{ byKey: Map<"apiVersion|kind", {validate, source}>,
 * groups: Map<group, string[]> }` (the served `group/version Kind`s of each group, for error messages).
 */
export function crdSchemas() {
  if (cache) return cache;
  const dir = join(sharedDir(), "crds");
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  const byKey = new Map();
  const groups = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
    for (const yamlDoc of parseAllDocuments(readFileSync(join(dir, name), "utf8"))) {
      const crd = yamlDoc.toJS();
      if (!crd || crd.kind !== "CustomResourceDefinition") continue;
      const { group, names, versions } = crd.spec;
      for (const v of versions) {
        const schema = v.schema?.openAPIV3Schema;
        if (!schema || v.served === false) continue;
        const apiVersion = `${group}/${v.name}`;
        let compiled = null; // compiled on first use: the Canary and Cluster schemas are large
        const validate = (doc) => {
          compiled ??= ajv.compile(closeSchema(structuredClone(schema)));
          const ok = compiled(doc);
          validate.errors = compiled.errors;
          return ok;
        };
        byKey.set(`${apiVersion}|${names.kind}`, { validate, source: `shared/crds/${name} ${v.name}` });
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group).push(`${apiVersion} ${names.kind}`);
      }
    }
  }
  cache = { byKey, groups };
  return cache;
}
