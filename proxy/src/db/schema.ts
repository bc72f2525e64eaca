import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The team's database (D1, binding FIM_DB). Migrations are generated from this file with
// `npm run db:generate` (drizzle-kit) into migrations/ and applied with `wrangler d1 migrations apply`.

// A member of the team: their token is kept only as its SHA-256 (hex). A quota left empty is no limit.
export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  tokenSha256: text('token_sha256').notNull().unique(),
  dailyRequests: integer('daily_requests'),
  dailyTokens: integer('daily_tokens'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`),
  disabledAt: text('disabled_at'),
  lastUsedAt: text('last_used_at'),
});

// What one member used on one UTC day (YYYY-MM-DD). Rows are only ever incremented, in one statement
// each, so concurrent requests of one member add up. prompt_tokens and completion_tokens are as
// Codestral counted them; the estimated_* columns hold what had to be estimated instead.
export const usage = sqliteTable(
  'usage',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    requests: integer('requests').notNull().default(0),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    // Tokens of requests whose answer brought no count (a stream that ended early): the prompt by
    // the playground's estimate (4 characters a token), the completion from the text relayed.
    estimatedPromptTokens: integer('estimated_prompt_tokens').notNull().default(0),
    estimatedCompletionTokens: integer('estimated_completion_tokens').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    cacheHits: integer('cache_hits').notNull().default(0),
    latencyMs: integer('latency_ms').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] }), index('usage_day').on(t.day)],
);

export type Member = typeof members.$inferSelect;
