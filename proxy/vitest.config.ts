import { defineWorkersConfig, readD1Migrations } from '@cloudflare/vitest-pool-workers/config';

export default defineWorkersConfig(async () => {
  // The same migrations wrangler applies, applied to each test file's D1 by test/apply-migrations.ts.
  const migrations = await readD1Migrations('migrations') // vitest runs in proxy/ (npm test, CTest);
  return {
    test: {
      setupFiles: ['./test/apply-migrations.ts'],
      poolOptions: {
        workers: {
          singleWorker: true,
          wrangler: { configPath: './wrangler.toml' },
          miniflare: {
            // A D1 without the migrations, as a freshly created database is.
            d1Databases: { UNMIGRATED_DB: { id: 'unmigrated' } },
            bindings: {
              CODESTRAL_API_KEY: 'test-upstream-key',
              CODESTRAL_FIM_URL: 'https://upstream.test/v1/fim/completions',
              MODELS: 'codestral-latest,codestral-2508',
              UPSTREAM_TIMEOUT_MS: '300',
              // Usage written after each answer, as the tests read it next (isolate.test.ts: batched).
              USAGE_BATCH_MS: '0',
              TEST_MIGRATIONS: migrations,
            },
          },
        },
      },
    },
  };
});
