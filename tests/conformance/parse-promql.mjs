#!/usr/bin/env node
// PromQL that parses (issue 18 item 8): every alerting and recording rule `expr` of every PrometheusRule under DIR
// parses with the PromQL grammar of @prometheus-io/lezer-promql (the parser of the Prometheus web UI) with no error
// node. The grammar recovers from errors by inserting error nodes, so "no error node" is what "parses" means here.
//
// Output: `FAIL <file>: PrometheusRule <name>: spec.groups[g].rules[r].expr: <why> in <expr>` per problem, then
// `promql: F files, R PrometheusRules, E expressions, X failures`. Exit 1 on failures, 2 on usage error.
import { existsSync, statSync } from "node:fs";
import { parser } from "@prometheus-io/lezer-promql";
import { displayPath, nameOf, readDocuments, walk } from "./lib.mjs";

/** The problems of one expression: each error node as `syntax error at <offset> near "<text>"`, or an empty list. */
export function promqlErrors(expr) {
  const errors = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        const near = expr.slice(node.from, Math.max(node.to, node.from + 1)) || "end of input";
        errors.push(`syntax error at offset ${node.from} near ${JSON.stringify(near)}`);
      }
    },
  });
  return errors;
}

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) {
  console.error("usage: node parse-promql.mjs DIR");
  process.exit(2);
}

let rules = 0;
let expressions = 0;
let failures = 0;
const files = walk(root);
for (const abs of files) {
  const file = displayPath(abs);
  for (const { index, doc } of readDocuments(abs)) {
    if (!doc || doc.kind !== "PrometheusRule") continue;
    rules++;
    const name = nameOf(doc, index);
    const groups = Array.isArray(doc.spec?.groups) ? doc.spec.groups : [];
    for (const [g, group] of groups.entries()) {
      for (const [r, rule] of (Array.isArray(group?.rules) ? group.rules : []).entries()) {
        const path = `spec.groups[${g}].rules[${r}].expr`;
        const what = rule?.alert ?? rule?.record ?? "(unnamed)";
        expressions++;
        const expr = rule?.expr;
        if (typeof expr !== "string" && typeof expr !== "number") {
          failures++;
          console.log(`FAIL ${file}: PrometheusRule ${name}: ${path}: ${what}: no expression`);
          continue;
        }
        const errors = promqlErrors(String(expr));
        if (errors.length) {
          failures++;
          console.log(`FAIL ${file}: PrometheusRule ${name}: ${path}: ${what}: ${errors[0]} in ${JSON.stringify(String(expr))}`);
        }
      }
    }
  }
}
console.log(`promql: ${files.length} files, ${rules} PrometheusRules, ${expressions} expressions, ${failures} failures`);
process.exit(failures > 0 ? 1 : 0);
