import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';

import type { Bindings } from '../env';
import * as schema from './schema';

export type Db = DrizzleD1Database<typeof schema>;

// The team database through Drizzle, or null when the Worker has no FIM_DB binding.
export function database(env: Bindings): Db | null {
  return env.FIM_DB ? drizzle(env.FIM_DB, { schema }) : null;
}

// A database whose migrations were never applied has no members: the proxy works as without one.
// Any other error is a failure.
export function isUnmigrated(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : String(error)} ${(error as { cause?: unknown })?.cause ?? ''}`;
  return /no such table/i.test(text);
}

// The UTC day of a moment, as usage rows name it.
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// Seconds from a moment to the next UTC midnight (at least 1), when daily quotas start again.
export function secondsToUtcMidnight(at: Date): number {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - at.getTime()) / 1000));
}
