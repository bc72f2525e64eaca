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
