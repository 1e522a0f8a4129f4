#!/usr/bin/env node
// Chart values the chart accepts (issue 18 item 7): every HelmRelease under DIR whose chart is app-template has its
// `spec.values` validated against the bjw-s common library 4.1.1 values schema (shared/schemas/app-template-common-4.1.1,
// draft-07), with every `$ref` resolved from the local copy: each schemas/*.json is registered under the URL its
// relative reference resolves to against the `$id` of values.schema.json, so nothing is fetched.
//
// A HelmRelease of another chart is a failure (no values schema), so every generated HelmRelease is covered.
// Flux placeholders are handled as in validate-manifests.mjs: a value that is exactly `${var}` and fails a type check
// is a SKIP; a string that embeds one and fails a pattern is retried with sample values.
//
// NEWER_THAN_4_1_1 lists, by name, the values fields the templates use that common 4.1.1 does not know (they are
// newer); errors at those paths are printed as EXEMPT, not failures. It is empty today.
//
// Output: `FAIL <file>: HelmRelease <name>: <json path>: <message>` per problem, then
// `values: F files, H HelmReleases, V validated, X failures`. Exit 1 on failures, 2 on usage error.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { ajvProblems, displayPath, nameOf, readDocuments, sharedDir, walk } from "./lib.mjs";

/** Values paths (JSON path prefixes under spec.values) newer than common 4.1.1, with the chart version that added them. */
const NEWER_THAN_4_1_1 = [];

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) {
  console.error("usage: node validate-values.mjs DIR");
  process.exit(2);
}

const schemaDir = join(sharedDir(), "schemas", "app-template-common-4.1.1");
const main = JSON.parse(readFileSync(join(schemaDir, "values.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
addFormats(ajv);
for (const name of readdirSync(join(schemaDir, "schemas")).filter((n) => n.endsWith(".json")).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, "schemas", name), "utf8"));
  ajv.addSchema(schema, new URL(`schemas/${name}`, main.$id).href);
}
const validate = ajv.compile(main);

const CHART = "app-template";
let helmReleases = 0;
let validated = 0;
let failures = 0;
let skips = 0;
let exempt = 0;
const files = walk(root);
for (const abs of files) {
  const file = displayPath(abs);
  for (const { index, doc, quoted } of readDocuments(abs)) {
    if (!doc || doc.kind !== "HelmRelease" || typeof doc.apiVersion !== "string" || !doc.apiVersion.startsWith("helm.toolkit.fluxcd.io/")) continue;
    helmReleases++;
    const name = nameOf(doc, index);
    const chart = doc.spec?.chart?.spec?.chart ?? doc.spec?.chartRef?.name;
    if (chart !== CHART) {
      failures++;
      const why = chart === undefined ? "names no chart (spec.chart.spec.chart or spec.chartRef.name)" : `chart ${JSON.stringify(chart)} has no values schema here (only ${CHART})`;
      console.log(`FAIL ${file}: HelmRelease ${name}: spec.chart: ${why}`);
      continue;
    }
    validated++;
    const values = doc.spec.values ?? {};
    validate(values);
    const problems = ajvProblems(validate.errors, doc, ["spec", "values"], {
      quoted,
      onSkip: (path, value, message) => {
        skips++;
        console.log(`SKIP ${file}: HelmRelease ${name}: ${path}: substitution placeholder in typed field (${value}: ${message})`);
      },
    });
    for (const { path, message } of problems) {
      const newer = NEWER_THAN_4_1_1.find((n) => path === n.path || path.startsWith(`${n.path}.`) || path.startsWith(`${n.path}[`));
      if (newer) {
        exempt++;
        console.log(`EXEMPT ${file}: HelmRelease ${name}: ${path}: ${message} (newer than common 4.1.1: ${newer.since})`);
        continue;
      }
      failures++;
      console.log(`FAIL ${file}: HelmRelease ${name}: ${path}: ${message}`);
    }
  }
}
if (NEWER_THAN_4_1_1.length) console.log(`values: exempt as newer than common 4.1.1: ${NEWER_THAN_4_1_1.map((n) => n.path).join(", ")}`);
console.log(
  `values: ${files.length} files, ${helmReleases} HelmReleases, ${validated} validated against app-template common 4.1.1, ` +
    `${skips} placeholder(s) skipped, ${exempt} exempt, ${failures} failures`,
);
process.exit(failures > 0 ? 1 : 0);
