// The team's members, in the deployed database or (--local) in the one `wrangler dev` uses.
//
//   npm run member -- add NAME [--daily-requests N] [--daily-tokens N] [--local [--persist-to DIR]]
//   npm run member -- list | disable NAME | enable NAME | rotate NAME | quota NAME [--daily-requests N|none] [--daily-tokens N|none]
//
// Queries are built with Drizzle (src/db/schema.ts) and run by `wrangler d1 execute`, which knows
// the account, the database and the local state. A new token is printed once, alone on the last
// line; only its SHA-256 is stored, and it is on no command line (the SQL carries the hash).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { and, asc, eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/sqlite-proxy';

import { members, usage } from '../src/db/schema';
import { usageOn, usedToday } from '../src/db/today';

const PROXY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const WRANGLER = join(PROXY_DIR, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const USAGE = `usage: npm run member -- COMMAND [--local [--persist-to DIR]]
  add NAME [--daily-requests N] [--daily-tokens N]   a new member; prints their token once, on the last line
  list                                               members, their quotas and what they used today (UTC)
  disable NAME | enable NAME                         refuse or accept the member's token again (within MEMBER_CACHE_S, 30 s)
  rotate NAME                                        a new token for NAME; the old one stops working (within 30 s)
  quota NAME [--daily-requests N|none] [--daily-tokens N|none]
Without --local: the deployed database (wrangler.toml's database_id, after "npx wrangler login").
--local: the database "npm run dev" uses (proxy/.wrangler/state, or --persist-to DIR); the
migrations are applied to it first.`;

// How long a Worker's isolate trusts what it read of a member (MEMBER_CACHE_S in wrangler.toml).
const TRUSTED = 'MEMBER_CACHE_S seconds (30 by default)';

class UserError extends Error {}

type Options = { command: string; name?: string; local: boolean; persistTo?: string; dailyRequests?: number | null; dailyTokens?: number | null };

function parseArgs(argv: string[]): Options {
  const rest = [...argv];
  const options: Options = { command: rest.shift() ?? '', local: false };
  const quota = (flag: string, value: string | undefined): number | null => {
    if (value === 'none') return null;
    const n = Number(value);
    if (!value || !Number.isInteger(n) || n < 0) throw new UserError(`${flag} takes a whole number of 0 or more, or "none"; got "${value ?? ''}".`);
    return n;
  };
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--local') options.local = true;
    else if (arg === '--persist-to') options.persistTo = rest.shift();
    else if (arg === '--daily-requests') options.dailyRequests = quota(arg, rest.shift());
    else if (arg === '--daily-tokens') options.dailyTokens = quota(arg, rest.shift());
    else if (arg.startsWith('-')) throw new UserError(`Unknown option ${arg}.\n${USAGE}`);
    else if (options.name === undefined) options.name = arg;
    else throw new UserError(`One name at a time; "${arg}" is one too many.`);
  }
  if (options.persistTo !== undefined && !options.local) throw new UserError('--persist-to goes with --local.');
  return options;
}

function wrangler(options: Options, args: string[]) {
  const target = options.local ? ['--local', ...(options.persistTo ? ['--persist-to', options.persistTo] : [])] : ['--remote'];
  const once = () =>
    spawnSync(process.execPath, [WRANGLER, ...args, ...target], {
      cwd: PROXY_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'], // no terminal: wrangler takes its defaults instead of asking
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
  let run = once();
  // The local database is a SQLite file that a running `npm run dev` writes too (members' usage):
  // a moment's lock is waited out.
  for (let attempt = 1; options.local && run.status !== 0 && attempt <= 10 && /database is locked|SQLITE_BUSY/.test(`${run.stdout}${run.stderr}`); attempt++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200 * attempt);
    run = once();
  }
  if (run.status !== 0) {
    const said = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim();
    throw new UserError(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${said}${
      options.local ? '' : '\n(For the deployed database: "npx wrangler login" or CLOUDFLARE_API_TOKEN, and the database_id in wrangler.toml; proxy/README.md, "A proxy for a team". For the one "npm run dev" uses: --local.)'
    }`);
  }
  return run.stdout;
}

// A literal for a parameter: Drizzle builds the statement with "?" placeholders, wrangler d1 execute
// takes SQL text. Our parameters are names (checked), hashes, numbers, timestamps and null.
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`cannot write ${typeof value} as SQL`);
}

export function inlineParams(text: string, params: unknown[]): string {
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      if (next >= params.length) throw new Error('more placeholders than parameters');
      out += literal(params[next++]);
    } else {
      out += ch;
    }
  }
  if (next !== params.length) throw new Error('more parameters than placeholders');
  return out;
}

function database(options: Options) {
  return drizzle(async (text, params, method) => {
    const answer = JSON.parse(wrangler(options, ['d1', 'execute', 'FIM_DB', '--json', '--command', inlineParams(text, params)])) as Array<{
      results?: Array<Record<string, unknown>>;
    }>;
    const rows = (answer[0]?.results ?? []).map((row) => Object.values(row));
    return { rows: method === 'get' ? (rows[0] as unknown[]) : rows };
  });
}

function checkedName(options: Options): string {
  const name = options.name;
  if (!name) throw new UserError(`"${options.command}" needs a member's name.\n${USAGE}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name)) {
    throw new UserError(`"${name}" is not a member name: letters, digits and . _ @ - (64 at most), starting with a letter or digit.`);
  }
  return name;
}

function newToken() {
  const token = `fim_${randomBytes(32).toString('base64url')}`;
  return { token, hash: createHash('sha256').update(token).digest('hex') };
}

const quotaText = (requests: number | null, tokens: number | null) =>
  `${requests === null ? 'no request limit' : `${requests} requests a day`}, ${tokens === null ? 'no token limit' : `${tokens} tokens a day`}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

async function main(argv: string[]) {
  const options = parseArgs(argv);
  if (!options.command || options.command === 'help' || options.command === '--help') {
    console.log(USAGE);
    return;
  }
  if (!['add', 'list', 'disable', 'enable', 'rotate', 'quota'].includes(options.command)) {
    throw new UserError(`Unknown command "${options.command}".\n${USAGE}`);
  }
  const where = options.local ? `the local database${options.persistTo ? ` in ${options.persistTo}` : ' (.wrangler/state)'}` : 'the deployed database';
  if (options.local) {
    const applied = wrangler(options, ['d1', 'migrations', 'apply', 'FIM_DB']);
    if (!/No migrations to apply/.test(applied)) console.log(`Applied the migrations to ${where}.`);
  }
  const db = database(options);

  if (options.command === 'list') {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await db
      .select({
        name: members.name,
        created: members.createdAt,
        lastUsed: members.lastUsedAt,
        disabled: members.disabledAt,
        dailyRequests: members.dailyRequests,
        dailyTokens: members.dailyTokens,
        ...usedToday,
      })
      .from(members)
      .leftJoin(usage, usageOn(today))
      .orderBy(asc(members.name));
    if (rows.length === 0) {
      console.log(`No members in ${where}: the proxy is open, or needs PROXY_TOKEN if one is set.`);
      return;
    }
    const limit = (used: number, quota: number | null) => (quota === null ? `${used}` : `${used} / ${quota}`);
    console.log(`${rows.length} member(s) in ${where}; today is ${today} (UTC):`);
    // Tokens today are what Codestral counted plus what had to be estimated (streams that ended
    // before their last event, which alone carries the count); the estimated part is shown apart.
    console.log(table([
      ['name', 'state', 'requests today', 'tokens today', 'of which estimated', 'created', 'last used'],
      ...rows.map((r) => [r.name, r.disabled ? 'disabled' : 'active', limit(r.requestsToday, r.dailyRequests), limit(r.tokensToday, r.dailyTokens),
        String(r.estimatedTokensToday), r.created, r.lastUsed ?? 'never']),
    ]));
    return;
  }

  const name = checkedName(options);
  const [existing] = await db.select().from(members).where(eq(members.name, name));
  if (options.command === 'add') {
    if (existing) throw new UserError(`A member named ${name} exists already in ${where}; "rotate ${name}" gives them a new token.`);
    const { token, hash } = newToken();
    const requests = options.dailyRequests ?? null;
    const tokens = options.dailyTokens ?? null;
    await db.insert(members).values({ name, tokenSha256: hash, dailyRequests: requests, dailyTokens: tokens });
    console.log(`Added ${name} to ${where}: ${quotaText(requests, tokens)}.`);
    console.log(`Their token follows, shown this once (only its SHA-256 is kept). Give it to ${name}:`);
    console.log(token);
    return;
  }
  if (!existing) throw new UserError(`No member named ${name} in ${where} ("list" shows who there is).`);
  if (options.command === 'disable' || options.command === 'enable') {
    const disabling = options.command === 'disable';
    await db.update(members).set({ disabledAt: disabling ? new Date().toISOString() : null })
      .where(disabling ? and(eq(members.id, existing.id), isNull(members.disabledAt)) : eq(members.id, existing.id));
    console.log(disabling
      ? `${name} is disabled: their token is refused within ${TRUSTED} (what the proxy remembers of a token).`
      : `${name} is enabled: their token works again within ${TRUSTED}.`);
  } else if (options.command === 'rotate') {
    const { token, hash } = newToken();
    await db.update(members).set({ tokenSha256: hash }).where(eq(members.id, existing.id));
    console.log(`${name} has a new token; the old one is refused within ${TRUSTED}${existing.disabledAt ? ` (${name} is still disabled: "enable ${name}")` : ''}.`);
    console.log(`It follows, shown this once. Give it to ${name}:`);
    console.log(token);
  } else {
    const requests = options.dailyRequests === undefined ? existing.dailyRequests : options.dailyRequests;
    const tokens = options.dailyTokens === undefined ? existing.dailyTokens : options.dailyTokens;
    await db.update(members).set({ dailyRequests: requests, dailyTokens: tokens }).where(eq(members.id, existing.id));
    console.log(`${name}: ${quotaText(requests, tokens)} (the proxy applies it within ${TRUSTED}).`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  // Drizzle wraps what the driver threw: say the user's error, not the stack.
  let said = error;
  while (said && !(said instanceof UserError) && said.cause) said = said.cause;
  console.error(said instanceof UserError ? said.message : error);
  process.exit(1);
});
