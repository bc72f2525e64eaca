// Checks the Flatpak manifest without flatpak-builder (not available here): it parses, it uses the
// KDE runtime, its finish-args are the ones the app needs and nothing more, and every file it and
// the install rules name exists.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [manifestPath, sourceDir] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

if (manifest.runtime !== 'org.kde.Platform' || manifest.sdk !== 'org.kde.Sdk') fail('not on the KDE runtime');
if (manifest.command !== 'fim-playground') fail('command is not fim-playground');
const allowed = new Set(['--share=network', '--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri',
  '--talk-name=org.freedesktop.secrets', '--talk-name=org.kde.kwalletd6']);
for (const arg of manifest['finish-args']) if (!allowed.has(arg)) fail(`unexpected finish-arg ${arg}`);
for (const needed of ['--share=network', '--socket=wayland', '--socket=fallback-x11', '--talk-name=org.freedesktop.secrets'])
  if (!manifest['finish-args'].includes(needed)) fail(`missing finish-arg ${needed}`);
const app = manifest.modules.find((m) => m.name === 'fim-playground');
if (!app) fail('no fim-playground module');
const dir = resolve(dirname(manifestPath), app.sources[0].path);
if (!existsSync(resolve(dir, 'CMakeLists.txt'))) fail(`module path ${dir} has no CMakeLists.txt`);
for (const f of [`packaging/${manifest.id}.desktop`, `packaging/${manifest.id}.metainfo.xml`, 'resources/icons/fim-playground.svg'])
  if (!existsSync(resolve(sourceDir, f))) fail(`${f} does not exist`);
const metainfo = readFileSync(resolve(sourceDir, `packaging/${manifest.id}.metainfo.xml`), 'utf8');
if (!metainfo.includes(`<id>${manifest.id}</id>`)) fail('metainfo id differs from the manifest id');
for (const m of metainfo.matchAll(/resources\/screenshots\/([\w.-]+\.png)/g))
  if (!existsSync(resolve(sourceDir, 'resources/screenshots', m[1]))) fail(`screenshot ${m[1]} is not in resources/screenshots`);
console.log(`flatpak manifest ok: ${manifest.id} on ${manifest.runtime} ${manifest['runtime-version']}, ${manifest.modules.length} modules`);
