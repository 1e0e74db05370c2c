import { describe, expect, it } from 'bun:test';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores PBKDF2-SHA256 with 100,000 iterations and a 16-byte salt in one self-describing string', async () => {
    const stored = await hashPassword('correct horse battery');
    const [algorithm, iterations, salt, hash] = stored.split('$');
    expect(algorithm).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBe(100_000);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
    expect(stored).not.toContain('correct horse battery');
  });

  it('salts every hash, and verifies only the right password', async () => {
    const [a, b] = [await hashPassword('same password'), await hashPassword('same password')];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
    expect(await verifyPassword('same passwore', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('honours the iteration count written in the stored string', async () => {
    const stored = await hashPassword('pw12345678');
    const [, , salt, hash] = stored.split('$');
    expect(await verifyPassword('pw12345678', ['pbkdf2-sha256', 1000, salt, hash].join('$'))).toBe(false);
  });

  it('treats malformed stored strings as a mismatch, not a crash', async () => {
    for (const stored of ['', 'plain', 'md5$1$a$b', 'pbkdf2-sha256$x$a$b', 'pbkdf2-sha256$1000$!!$??']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});
