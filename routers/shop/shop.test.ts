import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop({ env: { SHIPPING_FLAT_CENTS: '700', FREE_SHIPPING_FROM_CENTS: '9900', MAIL_FROM: 'Corner Shop <hello@corner.example>', SHOP_NAME: 'Corner Shop' } });
});
afterAll(() => shop.close());

describe('shop.info', () => {
  it("tells anyone the shop's name, address, contact email and the shipping rates checkout charges", async () => {
    expect(await shop.caller().shop.info()).toEqual({
      name: 'Corner Shop',
      address: shop.config.shopAddress,
      email: 'hello@corner.example',
      shippingFlatCents: 700,
      freeShippingFromCents: 9900,
    });
  });
});
