// A HEAD request tells the size of what GET would send, on the real Bun server.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { request } from 'node:http';
import { startShopServer, type ShopServer } from './testing/browser.ts';
import { rawGet } from './testing/raw-get.ts';

const head = (url: string, acceptEncoding?: string) =>
  new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
    request(url, { method: 'HEAD', headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers));
    })
      .on('error', reject)
      .end();
  });

let shop: ShopServer;
beforeAll(async () => {
  shop = await startShopServer();
}, 60_000);
afterAll(() => shop.stop());

describe('HEAD', () => {
  it('gives the length of the body GET sends in the encoding HEAD names, for pages, robots.txt and pictures', async () => {
    for (const path of ['/about', '/robots.txt', '/img/products/stoneware-diner-mug.svg']) {
      for (const asked of [undefined, 'gzip']) {
        const headers = await head(shop.url + path, asked);
        const got = await rawGet(shop.url + path, headers['content-encoding'] === 'gzip' ? 'gzip' : undefined);
        expect({ path, asked, length: headers['content-length'] }).toEqual({ path, asked, length: String(got.body.length) });
      }
    }
  });
});
