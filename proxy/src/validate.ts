// Validation of POST /v1/fim/completions bodies before anything goes upstream. The seed proxy
// forwarded a non-string prompt, max_tokens "abc" or temperature 5 unchecked, and answered a null
// body with a 500 that leaked a TypeError; here each gets a 400 that says what is wrong.

export type FimBody = {
  prompt: string;
  suffix: string;
  max_tokens: number;
  temperature: number;
  model?: string;
  min_tokens?: number;
  top_p?: number;
  stop?: string | string[];
  random_seed?: number;
  stream: boolean;
};

export type Validated =
  | { ok: true; body: FimBody; ignored: string[] }
  | { ok: false; message: string };

const KNOWN = new Set([
  'prompt', 'suffix', 'max_tokens', 'temperature', 'model', 'min_tokens', 'top_p', 'stop', 'random_seed', 'stream',
]);

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function validateFimBody(raw: unknown, models: string[], maxTokensLimit: number): Validated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: 'The request body must be a JSON object.' };
  }
  const o = raw as Record<string, unknown>;
  const fail = (message: string): Validated => ({ ok: false, message });

  if (!('prompt' in o)) return fail('Missing required field: prompt');
  if (typeof o.prompt !== 'string') return fail('prompt must be a string.');
  if (o.suffix !== undefined && o.suffix !== null && typeof o.suffix !== 'string') return fail('suffix must be a string.');
  if (o.max_tokens !== undefined && (!isInt(o.max_tokens) || o.max_tokens < 1 || o.max_tokens > maxTokensLimit)) {
    return fail(`max_tokens must be an integer from 1 to ${maxTokensLimit}.`);
  }
  if (o.min_tokens !== undefined && (!isInt(o.min_tokens) || o.min_tokens < 0)) {
    return fail('min_tokens must be an integer of 0 or more.');
  }
  if (o.temperature !== undefined && (!isNum(o.temperature) || o.temperature < 0 || o.temperature > 1.5)) {
    return fail('temperature must be a number from 0 to 1.5.');
  }
  if (o.top_p !== undefined && (!isNum(o.top_p) || o.top_p < 0 || o.top_p > 1)) {
    return fail('top_p must be a number from 0 to 1.');
  }
  if (o.random_seed !== undefined && (!isInt(o.random_seed) || o.random_seed < 0)) {
    return fail('random_seed must be an integer of 0 or more.');
  }
  if (o.stream !== undefined && typeof o.stream !== 'boolean') return fail('stream must be true or false.');
  if (o.stop !== undefined) {
    const stops = Array.isArray(o.stop) ? o.stop : [o.stop];
    if (stops.length > 16 || !stops.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 256)) {
      return fail('stop must be a string or a list of at most 16 non-empty strings.');
    }
  }
  if (o.model !== undefined && (typeof o.model !== 'string' || !models.includes(o.model))) {
    return fail(`model must be one of: ${models.join(', ')}.`);
  }

  const body: FimBody = {
    prompt: o.prompt,
    suffix: typeof o.suffix === 'string' ? o.suffix : '',
    max_tokens: (o.max_tokens as number | undefined) ?? 100,
    temperature: (o.temperature as number | undefined) ?? 0.2,
    stream: o.stream === true,
  };
  if (o.model !== undefined) body.model = o.model as string;
  if (o.min_tokens !== undefined) body.min_tokens = o.min_tokens as number;
  if (o.top_p !== undefined) body.top_p = o.top_p as number;
  if (o.stop !== undefined) body.stop = o.stop as string | string[];
  if (o.random_seed !== undefined) body.random_seed = o.random_seed as number;
  if (body.min_tokens !== undefined && body.min_tokens > body.max_tokens) {
    return fail('min_tokens must not be larger than max_tokens.');
  }
  const ignored = Object.keys(o).filter((k) => !KNOWN.has(k));
  return { ok: true, body, ignored };
}

// Reads at most `limit` bytes of a request body; null when it is larger.
export async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
