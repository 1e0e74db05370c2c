// Development keeps one generated secret in data/ so sessions survive restarts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'data/dev-secret';

export function devSecret(): string {
  if (existsSync(FILE)) return readFileSync(FILE, 'utf8').trim();
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
  mkdirSync('data', { recursive: true });
  writeFileSync(FILE, secret, { mode: 0o600 });
  return secret;
}
