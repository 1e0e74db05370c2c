// Password hashing with WebCrypto PBKDF2-SHA256 (runs on Bun and Workers alike).
// Stored as one self-describing string: pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>,
// so the iteration count can change later without breaking existing hashes.

const ALGORITHM = 'pbkdf2-sha256';
/** The Workers maximum; see ARCHITECTURE.md "Security defaults". */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return [ALGORITHM, PBKDF2_ITERATIONS, toBase64(salt), toBase64(hash)].join('$');
}

/** False for a wrong password and for a malformed stored string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, iterations, salt, hash] = stored.split('$');
  const rounds = Number(iterations);
  if (algorithm !== ALGORITHM || !Number.isInteger(rounds) || rounds < 1 || !salt || !hash) return false;
  try {
    return constantTimeEqual(await derive(password, fromBase64(salt), rounds), fromBase64(hash));
  } catch {
    return false; // undecodable base64 in the stored string
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

// Compares every byte whatever the first difference, so timing says nothing about the hash.
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
