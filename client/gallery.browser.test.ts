// The product gallery in a real browser: the thumbnails switch the large picture by mouse and by
// keyboard (Tab to the chosen one, arrow keys to the next), with JavaScript and without it.
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { browserAndShop } from '../server/testing/browser.ts';

const env = browserAndShop();

/** The large pictures a shopper can see: exactly one, given by its src and alt. */
async function shownPictures(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.gallery-main')]
      .filter((img) => img.checkVisibility() && img.getBoundingClientRect().width > 0)
      .map((img) => ({ src: new URL(img.src).pathname, alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })),
  );
}

for (const javaScriptEnabled of [true, false]) {
  describe(`product gallery ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    it('switches the large picture with the arrow keys from the chosen thumbnail, and back by click', async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
      context.setDefaultTimeout(5_000);
      try {
        const page = await context.newPage();
        await page.goto(`${env.shop.url}/product/stoneware-diner-mug`);
        // Solid registers its delegated events as the bundle runs, and hydrates in the same task.
        if (javaScriptEnabled) await page.waitForFunction(() => '_$DX_DELEGATE' in document, undefined, { timeout: 15_000 });
        expect(await shownPictures(page)).toEqual([{ src: '/img/products/stoneware-diner-mug.svg', alt: 'Stoneware Diner Mug', loaded: true }]);

        // Tab lands on the group's chosen radio; its focus ring shows on the thumbnail.
        await page.focus('input[name="gallery-picture"]:checked');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img.gallery-main[src$=".2.svg"]')?.checkVisibility());
        expect(await shownPictures(page)).toMatchObject([{ src: '/img/products/stoneware-diner-mug.2.svg', alt: 'Stoneware Diner Mug, close-up' }]);
        const ring = await page.evaluate(() => getComputedStyle(document.querySelector('label[for="gallery-picture-2"]')!).outlineStyle);
        expect(ring).toBe('solid');

        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await shownPictures(page)).toMatchObject([{ src: '/img/products/stoneware-diner-mug.4.svg', alt: 'Stoneware Diner Mug, on a shelf' }]);

        // The radio is named by its thumbnail; a click lands on the thumbnail itself.
        await expect(page.getByRole('radio', { name: 'Stoneware Diner Mug, pattern in its colourway' }).count()).resolves.toBe(1);
        await page.locator('label[for="gallery-picture-3"]').click();
        await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img.gallery-main[src$=".3.svg"]')?.complete);
        expect(await shownPictures(page)).toEqual([
          { src: '/img/products/stoneware-diner-mug.3.svg', alt: 'Stoneware Diner Mug, pattern in its colourway', loaded: true },
        ]);
      } finally {
        await context.close();
      }
    });
  });
}
