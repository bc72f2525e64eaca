// SHA-256 of a text, in lower-case hex: member tokens' stored form, the edge cache's keys, the
// rate limiter's key for a token.
export async function sha256Hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
