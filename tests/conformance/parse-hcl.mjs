#!/usr/bin/env node
// HCL conformance: parses every *.tf, *.tftest.hcl and *.hcl under DIR with
// @cdktf/hcl2json (the HCL2 parser Terraform/OpenTofu use, compiled to WebAssembly).
// Output: one `FAIL <file>: <error>` per file that does not parse, then the summary
// `hcl: F files, X failures`. Exit code 1 when failures > 0, 2 on usage error.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse } from "@cdktf/hcl2json";

const root = process.argv[2];
if (!root || !existsSync(root) || !statSync(root).isDirectory()) {
  console.error("usage: node parse-hcl.mjs DIR");
  process.exit(2);
}

const isHcl = (name) => name.endsWith(".tf") || name.endsWith(".hcl"); // .hcl covers .tftest.hcl

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    // Provider/module caches are not the repo's own files.
    if ([".git", "node_modules", ".terraform", ".terragrunt-cache"].includes(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && isHcl(entry.name)) out.push(p);
  }
  return out;
}

function displayPath(abs) {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") ? rel : abs;
}

const files = walk(root);
let failures = 0;
for (const abs of files) {
  const file = displayPath(abs);
  try {
    await parse(basename(abs), readFileSync(abs, "utf8"));
  } catch (e) {
    failures++;
    const message = String(e?.message ?? e).replace(/\s+/g, " ").trim();
    console.log(`FAIL ${file}: ${message}`);
  }
}
console.log(`hcl: ${files.length} files, ${failures} failures`);
process.exit(failures > 0 ? 1 : 0);
