#!/usr/bin/env node
// Extracts the few GitHub REST operations the FakeGitHub serves from GitHub's own REST
// description (npm package @octokit/openapi, file generated/api.github.com.json) into
// src/test/resources/github/openapi-subset.json, so tests need neither npm nor the 13 MB file.
//
// Usage (from the repository root):
//   npm install --no-save @octokit/openapi      # or in a temp dir, then pass its path
//   node scripts/extract-github-openapi.mjs [path/to/api.github.com.json]
//
// For each operation it keeps: method, path, operationId, the documentation URL, parameters and
// the request body schema (every $ref resolved), and each 2xx response's status with its
// application/json examples (resolved). Operations missing from the description are dropped
// and named on stderr; the script then exits 2 so nobody commits a silently shorter subset.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const OPERATIONS = [
  ["get", "/app"],
  ["get", "/app/installations"],
  ["get", "/app/installations/{installation_id}"],
  ["get", "/repos/{owner}/{repo}/installation"],
  ["post", "/app/installations/{installation_id}/access_tokens"],
  ["get", "/user"],
  ["get", "/rate_limit"],
  ["get", "/repos/{owner}/{repo}"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["patch", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["get", "/repos/{owner}/{repo}/issues"],
  ["post", "/repos/{owner}/{repo}/issues"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/assignees"],
  ["get", "/search/issues"],
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["get", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["get", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["delete", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"],
  ["get", "/app/hook/deliveries"],
  ["post", "/app/hook/deliveries/{delivery_id}/attempts"],
  ["post", "/app-manifests/{code}/conversions"],
];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const input = resolve(
  process.argv[2] ?? "node_modules/@octokit/openapi/generated/api.github.com.json",
);
const output = join(root, "src/test/resources/github/openapi-subset.json");

const spec = JSON.parse(readFileSync(input, "utf8"));
const packageVersion = readPackageVersion(input);

/** Follows a local "#/a/b" pointer. */
function pointer(ref) {
  if (!ref.startsWith("#/")) throw new Error(`non-local $ref "${ref}"`);
  return ref
    .slice(2)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, key) => {
      if (node === undefined || !(key in node)) throw new Error(`dangling $ref "${ref}"`);
      return node[key];
    }, spec);
}

/** Deep copy with every $ref replaced by its target; a cycle is an error, not a silent cut. */
function resolveRefs(node, seen = []) {
  if (Array.isArray(node)) return node.map((n) => resolveRefs(n, seen));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (seen.includes(node.$ref)) throw new Error(`cyclic $ref "${node.$ref}"`);
    return resolveRefs(pointer(node.$ref), [...seen, node.$ref]);
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolveRefs(v, seen);
  return out;
}

function readPackageVersion(file) {
  try {
    const pkg = join(dirname(file), "..", "package.json");
    return JSON.parse(readFileSync(pkg, "utf8")).version;
  } catch {
    return "unknown";
  }
}

function parameters(op, pathItem) {
  const all = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
    resolveRefs(p),
  );
  return all.map((p) => {
    const kept = { name: p.name, in: p.in, required: p.required === true, schema: p.schema };
    if (p["x-multi-segment"]) kept.multiSegment = true;
    return kept;
  });
}

function requestBody(op) {
  if (!op.requestBody) return null;
  const body = resolveRefs(op.requestBody);
  const json = body.content?.["application/json"];
  if (!json) throw new Error(`${op.operationId}: request body has no application/json schema`);
  return { required: body.required === true, schema: json.schema };
}

/**
 * The value of an Example Object. The description sometimes puts a $ref to another Example
 * Object in the value position ({"value": {"$ref": "#/components/examples/issue"}}); that
 * target's own value is meant. Its "x-github-breaking-changes" patches describe later API
 * versions and are not applied: the fake speaks the default version.
 */
function exampleValue(example) {
  const value = shallow(example)?.value;
  if (value && typeof value.$ref === "string" && value.$ref.startsWith("#/components/examples/")) {
    return exampleValue(pointer(value.$ref));
  }
  return resolveRefs(value ?? null);
}

/** Follows $refs at the top of a node only, leaving the refs inside it for the caller. */
function shallow(node) {
  return typeof node?.$ref === "string" ? shallow(pointer(node.$ref)) : node;
}

function successResponses(op) {
  const out = [];
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const json = shallow(raw).content?.["application/json"];
    const examples = {};
    for (const [name, example] of Object.entries(json?.examples ?? {})) {
      examples[name] = exampleValue(example);
    }
    out.push({ status: Number(status), examples });
  }
  if (out.length === 0) throw new Error(`${op.operationId}: no 2xx response`);
  return out;
}

const operations = [];
const missing = [];
for (const [method, path] of OPERATIONS) {
  const pathItem = spec.paths[path];
  const op = pathItem?.[method];
  if (!op) {
    missing.push(`${method.toUpperCase()} ${path}`);
    continue;
  }
  operations.push({
    method: method.toUpperCase(),
    path,
    operationId: op.operationId,
    documentationUrl: op.externalDocs?.url ?? null,
    parameters: parameters(op, pathItem),
    requestBody: requestBody(op),
    responses: successResponses(op),
  });
}

const subset = {
  source: {
    package: "@octokit/openapi",
    version: packageVersion,
    file: "generated/api.github.com.json",
    openapi: spec.openapi,
    apiVersion: spec.info?.version ?? null,
    generatedBy: "scripts/extract-github-openapi.mjs",
  },
  operations,
};

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(subset, null, 2) + "\n");
console.log(`wrote ${operations.length} operations to ${output}`);
if (missing.length > 0) {
  console.error(`not in the description, dropped:\n  ${missing.join("\n  ")}`);
  process.exit(2);
}
