// shop.info: what the storefront prints about the shop itself (footer, shipping and
// contact pages), read from its config so the pages always match checkout's rules.
import type { Config } from '../config.ts';
import { publicProcedure, router } from '../trpc.ts';

export interface ShopInfo {
  name: string;
  /** One line, as the emails print it. */
  address: string;
  /** Where shoppers write to (the address the shop's mail comes from). */
  email: string;
  shippingFlatCents: number;
  /** Shipping is free from this much of goods after discount. */
  freeShippingFromCents: number;
}

/** "GoMall <shop@gomall.local>" → "shop@gomall.local". */
const bareAddress = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

export function shopInfo(config: Config): ShopInfo {
  return {
    name: config.shopName,
    address: config.shopAddress,
    email: bareAddress(config.mailFrom),
    shippingFlatCents: config.shippingFlatCents,
    freeShippingFromCents: config.freeShippingFromCents,
  };
}

export const shopRouter = router({
  info: publicProcedure.query(({ ctx }) => shopInfo(ctx.config)),
});
