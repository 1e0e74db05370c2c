import { describe, expect, it } from 'bun:test';
import { safeNext, signInUrl, withNext } from './next.ts';

describe('safeNext', () => {
  it('keeps same-site relative paths with their query and fragment', () => {
    for (const path of ['/', '/orders', '/orders/42', '/category/books?sort=name&page=2', '/account#addresses']) {
      expect(safeNext(path)).toBe(path);
    }
  });

  it('refuses every open-redirect attempt, falling back to /', () => {
    const attempts = [
      'https://evil.example/',
      'http:/evil.example',
      '//evil.example',
      '//evil.example/orders',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      'orders',
      '',
      ' /orders',
      undefined,
      null,
      42,
      ['/orders'],
    ];
    for (const next of attempts) expect(safeNext(next)).toBe('/');
  });
});

describe('sign-in links', () => {
  it('carries the URL-encoded path to come back to', () => {
    expect(signInUrl('/orders/7?tab=items')).toBe('/sign-in?next=%2Forders%2F7%3Ftab%3Ditems');
    expect(withNext('/sign-up', '//evil.example')).toBe('/sign-up');
    expect(withNext('/sign-up', '/')).toBe('/sign-up');
  });
});
