import type { D1Migration } from 'cloudflare:test';

import type { Bindings } from '../src/env';

declare module 'cloudflare:test' {
  interface ProvidedEnv extends Bindings {
    TEST_MIGRATIONS: D1Migration[];
    UNMIGRATED_DB: D1Database;
  }
}
