// What a browser is sent, byte for byte, from the Bun server: the build's files in their
// precompressed brotli or gzip form, pages and API answers gzipped on the way out.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startShopServer, type ShopServer } from './testing/browser.ts';
import { CLIENT_DIR, readClientAssets } from './local/boot.ts';
import { rawGet } from './testing/raw-get.ts';

let shop: ShopServer;
beforeAll(async () => {
  shop = await startShopServer();
}, 60_000);
afterAll(() => shop.stop());

describe('compression on the Bun server', () => {
  const script = () => readClientAssets().script;
  const original = () => readFileSync(join(CLIENT_DIR, script()));

  it('sends the client entry as its brotli twin to a browser that accepts brotli', async () => {
    const res = await rawGet(shop.url + script(), 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).equals(original())).toBe(true);
  });

  it('sends the gzip twin to a client that accepts only gzip, and the file itself to one that accepts nothing', async () => {
    const gzipped = await rawGet(shop.url + script(), 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(original())).toBe(true);
    const plain = await rawGet(shop.url + script());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original())).toBe(true);
  });

  it('gzips pages and API answers for clients that accept it, and only for them', async () => {
    for (const path of ['/', '/category/apparel', '/trpc/product.list?input=%7B%7D']) {
      const gzipped = await rawGet(shop.url + path, 'gzip, deflate, br');
      expect({ path, status: gzipped.status, encoding: gzipped.headers['content-encoding'] }).toEqual({ path, status: 200, encoding: 'gzip' });
      const plain = await rawGet(shop.url + path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      // Same document either way (a page's CSP nonce differs per response).
      const strip = (html: string) => html.replace(/nonce="[^"]*"|nonce-[^'"]*/g, '');
      expect(strip(gunzipSync(gzipped.body).toString())).toBe(strip(plain.body.toString()));
    }
  });
});
