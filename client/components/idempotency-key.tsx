import { createResource } from 'solid-js';

/** A random key (a UUID where the platform has one; insecure-context browsers lack randomUUID). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A hidden idempotency key made once per page render (kept through hydration): a double submit pays once. */
export function IdempotencyKey() {
  const [key] = createResource(async () => newIdempotencyKey());
  return <input type="hidden" name="idempotencyKey" value={key() ?? ''} />;
}
