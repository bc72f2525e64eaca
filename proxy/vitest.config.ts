import { defineWorkersConfig } from '@cloudflare/vitest-pool-workers/config';

export default defineWorkersConfig({
  test: {
    poolOptions: {
      workers: {
        singleWorker: true,
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            CODESTRAL_API_KEY: 'test-upstream-key',
            CODESTRAL_FIM_URL: 'https://upstream.test/v1/fim/completions',
            MODELS: 'codestral-latest,codestral-2508',
            UPSTREAM_TIMEOUT_MS: '300',
          },
        },
      },
    },
  },
});
