// package-lock.json must install with `npm ci` on every platform people deploy the Worker from
// (Linux x64 and arm64, macOS, Windows) and with npm 10 and 11: every optional dependency of every
// locked package (workerd's and esbuild's per-platform builds, sharp's) must be in the lock, which
// is what npm 11 checks before it installs anything. And no registry host is named in it.
import { readFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const text = readFileSync(path, 'utf8');
const lock = JSON.parse(text);
const problems = [];
if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, not 3`);
if (/"resolved":/.test(text)) problems.push('the lock names registry URLs ("resolved"); make it with npm_config_omit_lockfile_registry_resolved=true');
const packages = lock.packages ?? {};
// Where npm looks a dependency up from a package at node_modules/a/node_modules/b: nested first.
const lookup = (from, name) => {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    const cut = base.lastIndexOf('/node_modules/');
    if (base === '') return null;
    base = cut < 0 ? '' : base.slice(0, cut);
  }
};
let optional = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    optional += 1;
    if (!lookup(where, name)) problems.push(`${where || '(root)'}: optional dependency ${name} is missing from the lock`);
  }
}
for (const platform of ['@cloudflare/workerd-darwin-arm64', '@cloudflare/workerd-windows-64', '@cloudflare/workerd-linux-arm64']) {
  if (!packages[`node_modules/${platform}`]) problems.push(`${platform} is not locked`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(packages).length} packages, all ${optional} optional dependencies locked, no registry URLs`);
