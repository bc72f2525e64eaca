import { and, eq, sql } from 'drizzle-orm';

import { members, usage } from './schema';

// A member's use of one UTC day, for a select from members left-joined with usage on that day
// (the member list, a quota refusal's message): .leftJoin(usage, usageOn(day)), ...usedToday.
export const usageOn = (day: string) => and(eq(usage.memberId, members.id), eq(usage.day, day));

// Every token of a usage row, counted and estimated: what a daily token quota is held against.
export const allTokens = sql<number>`${usage.promptTokens} + ${usage.completionTokens} + ${usage.estimatedPromptTokens} + ${usage.estimatedCompletionTokens}`;

export const usedToday = {
  requestsToday: sql<number>`coalesce(${usage.requests}, 0)`,
  tokensToday: sql<number>`coalesce(${allTokens}, 0)`,
  estimatedTokensToday: sql<number>`coalesce(${usage.estimatedPromptTokens} + ${usage.estimatedCompletionTokens}, 0)`,
};
