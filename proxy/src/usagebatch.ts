import { eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

import type { Db } from './db/client';
import { members, usage } from './db/schema';
import type { Bindings } from './env';
import type { Tokens } from './usage';

// Members' usage on its way to D1. Each answered request adds what it cost to the isolate's rows
// (per member and UTC day); the rows are written together in one db.batch — one upsert per row, one
// update of each member's last use — USAGE_BATCH_MS (1000) after the first of them, from ctx.waitUntil
// of every request they hold, so no answer waits on it and none is lost when the isolate idles. A
// request of a member with a daily token quota has it written at once: that quota is held against
// what D1 knows. Each upsert only adds, so isolates writing the same row add up exactly. A batch D1
// refuses stays pending and goes with the next one.

// withdrawn: an estimate recorded before (a stream's provisional one) that this delta replaces.
export type UsageDelta = Tokens & { error: boolean; cacheHit: boolean; latencyMs: number; withdrawn?: Tokens };

type Row = {
  memberId: number;
  day: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  estimatedPromptTokens: number;
  estimatedCompletionTokens: number;
  errors: number;
  cacheHits: number;
  latencyMs: number;
};

class Pending {
  rows = new Map<string, Row>();
  lastUse = new Map<number, string>();
  scheduled: Promise<void> | null = null;
}
const pending = new WeakMap<D1Database, Pending>();

export function usageBatchMs(env: Bindings): number {
  const n = Number(env.USAGE_BATCH_MS ?? '1000');
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}

function add(into: Pending, memberId: number, day: string, delta: UsageDelta, requestCounted: boolean, at: Date) {
  const key = `${memberId}/${day}`;
  const row = into.rows.get(key) ?? {
    memberId, day, requests: 0, promptTokens: 0, completionTokens: 0, estimatedPromptTokens: 0,
    estimatedCompletionTokens: 0, errors: 0, cacheHits: 0, latencyMs: 0,
  };
  const exact = !delta.estimated;
  row.requests += requestCounted ? 0 : 1;
  row.promptTokens += exact ? delta.prompt : 0;
  row.completionTokens += exact ? delta.completion : 0;
  row.estimatedPromptTokens += exact ? 0 : delta.prompt;
  row.estimatedCompletionTokens += exact ? 0 : delta.completion;
  row.estimatedPromptTokens -= delta.withdrawn?.prompt ?? 0;
  row.estimatedCompletionTokens -= delta.withdrawn?.completion ?? 0;
  row.errors += delta.error ? 1 : 0;
  row.cacheHits += delta.cacheHit ? 1 : 0;
  row.latencyMs += Math.max(0, Math.round(delta.latencyMs));
  into.rows.set(key, row);
  const last = into.lastUse.get(memberId);
  if (!last || last < at.toISOString()) into.lastUse.set(memberId, at.toISOString());
}

// Puts rows a failed batch did not write back with what came since, for the next write: usage is
// billed by, so a moment's D1 failure delays it and loses none of it.
function putBack(into: Pending, rows: Row[], lastUse: [number, string][]) {
  for (const row of rows) {
    const key = `${row.memberId}/${row.day}`;
    const now = into.rows.get(key);
    if (!now) {
      into.rows.set(key, row);
      continue;
    }
    now.requests += row.requests;
    now.promptTokens += row.promptTokens;
    now.completionTokens += row.completionTokens;
    now.estimatedPromptTokens += row.estimatedPromptTokens;
    now.estimatedCompletionTokens += row.estimatedCompletionTokens;
    now.errors += row.errors;
    now.cacheHits += row.cacheHits;
    now.latencyMs += row.latencyMs;
  }
  for (const [memberId, at] of lastUse) {
    const last = into.lastUse.get(memberId);
    if (!last || last < at) into.lastUse.set(memberId, at);
  }
}

// Writes what is pending now, in one batch; on failure it stays pending (and the error goes up).
async function write(db: Db, from: Pending) {
  const rows = [...from.rows.values()];
  const lastUse = [...from.lastUse.entries()];
  from.rows.clear();
  from.lastUse.clear();
  if (rows.length === 0) return;
  try {
    await writeRows(db, rows, lastUse);
  } catch (error) {
    putBack(from, rows, lastUse);
    throw error;
  }
}

async function writeRows(db: Db, rows: Row[], lastUse: [number, string][]) {
  const added = (column: SQLiteColumn, n: number) => sql`${column} + ${n}`;
  const upserts = rows.map(({ memberId, day, ...row }) =>
    db
      .insert(usage)
      .values({ memberId, day, ...row })
      .onConflictDoUpdate({
        target: [usage.memberId, usage.day],
        set: {
          requests: added(usage.requests, row.requests),
          promptTokens: added(usage.promptTokens, row.promptTokens),
          completionTokens: added(usage.completionTokens, row.completionTokens),
          estimatedPromptTokens: added(usage.estimatedPromptTokens, row.estimatedPromptTokens),
          estimatedCompletionTokens: added(usage.estimatedCompletionTokens, row.estimatedCompletionTokens),
          errors: added(usage.errors, row.errors),
          cacheHits: added(usage.cacheHits, row.cacheHits),
          latencyMs: added(usage.latencyMs, row.latencyMs),
        },
      }),
  );
  const uses = lastUse.map(([memberId, at]) => db.update(members).set({ lastUsedAt: at }).where(eq(members.id, memberId)));
  await db.batch([upserts[0]!, ...upserts.slice(1), ...uses]); // (batch takes a non-empty tuple)
}

// Adds one request's usage and resolves once it is in D1 (for ctx.waitUntil). requestCounted: the
// request's quota reservation counted it already; it adds only what it cost.
export function queueUsage(
  d1: D1Database,
  db: Db,
  batchMs: number,
  memberId: number,
  day: string,
  delta: UsageDelta,
  at: Date,
  options: { requestCounted: boolean; now: boolean },
): Promise<void> {
  let into = pending.get(d1);
  if (!into) pending.set(d1, (into = new Pending()));
  add(into, memberId, day, delta, options.requestCounted, at);
  if (options.now || batchMs === 0) return write(db, into);
  const from = into;
  from.scheduled ??= new Promise<void>((resolve) => setTimeout(resolve, batchMs)).then(() => {
    from.scheduled = null;
    return write(db, from);
  });
  return from.scheduled;
}
