import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';

import { members, usage } from '../src/db/schema';
import { sha256Hex } from '../src/hash';

// The team database of the tests (D1 with the migrations applied), through Drizzle.
export const db = drizzle(env.FIM_DB!);

let unique = 0;

// Adds a member with a token of their own; names are unique per run (storage outlives a test).
export async function addMember(quota: { dailyRequests?: number; dailyTokens?: number; disabled?: boolean } = {}) {
  unique += 1;
  const name = `member-${unique}-${crypto.randomUUID().slice(0, 8)}`;
  const token = `fim_${crypto.randomUUID().replaceAll('-', '')}`;
  const [row] = await db
    .insert(members)
    .values({
      name,
      tokenSha256: await sha256Hex(token),
      dailyRequests: quota.dailyRequests ?? null,
      dailyTokens: quota.dailyTokens ?? null,
      disabledAt: quota.disabled ? new Date().toISOString() : null,
    })
    .returning();
  return { id: row!.id, name, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function usageOf(memberId: number) {
  return db.select().from(usage).where(eq(usage.memberId, memberId));
}

// A D1 that fails every query, as an outage would.
export const failingD1 = {
  prepare() {
    throw new Error('D1_ERROR: simulated outage');
  },
  batch() {
    return Promise.reject(new Error('D1_ERROR: simulated outage'));
  },
  exec() {
    return Promise.reject(new Error('D1_ERROR: simulated outage'));
  },
} as unknown as D1Database;

// The real D1 whose writes (batches) wait until released: shows what does not wait for them.
export function heldD1(real: D1Database) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let written = false;
  const d1 = {
    prepare: (query: string) => real.prepare(query),
    batch: async (statements: D1PreparedStatement[]) => {
      await gate;
      const result = await real.batch(statements);
      written = true;
      return result;
    },
    exec: (query: string) => real.exec(query),
  } as unknown as D1Database;
  return { d1, release, written: () => written };
}

// The real D1, counting the statements it runs one by one and the batches: what a request asks of
// the database, and when.
export function countingD1(real: D1Database) {
  const counts = { statements: 0, batches: 0 };
  // How many of the next batches fail, as a moment's D1 outage would.
  const faults = { batches: 0 };
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      first: (...args: [string?]) => (counts.statements++, statement.first(...(args as [string]))),
      all: () => (counts.statements++, statement.all()),
      raw: (options?: { columnNames?: boolean }) => (counts.statements++, statement.raw(options as { columnNames: true })),
      run: () => (counts.statements++, statement.run()),
    } as unknown as D1PreparedStatement;
    unwrapped.set(wrapped, statement);
    return wrapped;
  };
  const d1 = {
    prepare: (query: string) => wrap(real.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => {
      counts.batches += 1;
      if (faults.batches > 0) {
        faults.batches -= 1;
        return Promise.reject(new Error('D1_ERROR: simulated outage of one batch'));
      }
      return real.batch(statements.map((s) => unwrapped.get(s) ?? s));
    },
    exec: (query: string) => real.exec(query),
  } as unknown as D1Database;
  return { d1, counts, faults };
}

// Bindings whose FIM_DB is the tests' database behind an object of its own: what the isolate
// remembers of members (src/members.ts keys it by the binding) starts empty, and what this test
// leaves there (a member rolled back with the test's storage) stays with it.
export function ownMemory() {
  return { FIM_DB: countingD1(env.FIM_DB!).d1 };
}
