// Writes GitHub's published webhook example payloads (npm @octokit/webhooks-examples) to
// src/test/resources/payloads/<event>.<action>[.<n>].json, the fixtures the intake tests sign
// and send. Run from the repository root after `npm install --no-save @octokit/webhooks-examples`:
//   node scripts/vendor-webhook-examples.mjs [path/to/node_modules]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const modules = process.argv[2] ?? "node_modules";
const index = JSON.parse(
  readFileSync(join(modules, "@octokit/webhooks-examples/api.github.com/index.json"), "utf8"),
);
const out = "src/test/resources/payloads";
mkdirSync(out, { recursive: true });
const seen = new Map();
let written = 0;
for (const event of index) {
  for (const example of event.examples) {
    const base = example.action ? `${event.name}.${example.action}` : event.name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? `${base}.json` : `${base}.${n}.json`;
    writeFileSync(join(out, name), JSON.stringify(example, null, 2) + "\n");
    written++;
  }
}
console.log(`wrote ${written} payloads to ${out}`);
