import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration for each change of src/db/schema.ts into migrations/,
// where `wrangler d1 migrations apply FIM_DB` (wrangler.toml's migrations_dir) finds it.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
