// Development keeps one generated secret in data/ so sessions survive restarts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomSecret } from '../../routers/config.ts';

const FILE = 'data/dev-secret';

export function devSecret(): string {
  if (existsSync(FILE)) return readFileSync(FILE, 'utf8').trim();
  const secret = randomSecret();
  mkdirSync('data', { recursive: true });
  writeFileSync(FILE, secret, { mode: 0o600 });
  return secret;
}
