import { SELF, createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

// The seed's routes and shapes, unchanged for its clients.
describe('seed-compatible routes', () => {
  it('GET /health answers ok with a timestamp and the service name', async () => {
    const res = await SELF.fetch('https://proxy.test/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body.status).toBe('ok');
    expect(body.service).toBe('cloudflare-backend');
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    // Whether the Codestral key is there, never the key itself.
    expect(body.upstream_key).toBe(true);
    expect(JSON.stringify(body)).not.toContain('test-upstream-key');
  });

  it('GET /health says when the Codestral key is missing', async () => {
    const worker = (await import('../src/index')).default;
    const res = await worker.fetch(new Request('https://proxy.test/health'), { ...env, CODESTRAL_API_KEY: '' }, createExecutionContext());
    expect(((await res.json()) as Record<string, unknown>).upstream_key).toBe(false);
  });

  it('GET /v1/models lists the served models with stable created values', async () => {
    const a = (await (await SELF.fetch('https://proxy.test/v1/models')).json()) as { object: string; data: Array<Record<string, unknown>> };
    const b = (await (await SELF.fetch('https://proxy.test/v1/models')).json()) as typeof a;
    expect(a.object).toBe('list');
    expect(a.data.map((m) => m.id)).toEqual(['codestral-latest', 'codestral-2508']);
    expect(a.data[0]).toMatchObject({ object: 'model', owned_by: 'mistral' });
    expect(a.data[0].created).toBe(b.data[0].created);
  });

  it('unknown routes get the seed JSON 404', async () => {
    const res = await SELF.fetch('https://proxy.test/v2/nothing', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'Route not found: POST /v2/nothing', type: 'not_found' } });
  });

  it('CORS answers preflights, "*" when CORS_ORIGINS is unset', async () => {
    const res = await SELF.fetch('https://proxy.test/v1/fim/completions', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });
});
