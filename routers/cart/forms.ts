// The no-JavaScript fallback: plain form POSTs to /cart/add, /cart/set and
// /cart/remove run the same cart actions as the tRPC procedures, then redirect
// (303) back to a same-site page with `?cart=<outcome>` for the page to announce.
import * as v from 'valibot';
import { wholeNumber } from '../shared/form-numbers.ts';
import { sameSitePath } from '../../server/auth/next.ts';
import { sameSiteUrl } from '../../server/auth/origin-check.ts';
import type { Context } from '../../server/context.ts';
import { addToCart, removeFromCart, setCartQuantity } from './actions.ts';
import { CartError, type CartErrorCode } from './errors.ts';
import { addInput, removeInput, setQuantityInput } from './router.ts';

export type CartFormOutcome = 'added' | 'updated' | 'removed' | 'error';
export type CartFormError = CartErrorCode | 'INVALID';

type Notice = { cart: CartFormOutcome; reason?: CartFormError };
type FormAction = (ctx: Context, fields: Record<string, number | undefined>) => Promise<Notice>;

/** Validates the fields with the procedure's own schema, runs the action and names the outcome. */
function formAction<S extends v.GenericSchema>(
  schema: S,
  done: CartFormOutcome,
  run: (ctx: Context, input: v.InferOutput<S>) => Promise<unknown>,
): FormAction {
  return async (ctx, fields) => {
    const input = v.safeParse(schema, fields);
    if (!input.success) return { cart: 'error', reason: 'INVALID' };
    try {
      await run(ctx, input.output);
      return { cart: done };
    } catch (error) {
      if (error instanceof CartError) return { cart: 'error', reason: error.code };
      throw error;
    }
  };
}

const ACTIONS: Record<string, FormAction> = {
  add: formAction(addInput, 'added', (ctx, i) => addToCart(ctx, i.productId, i.quantity)),
  set: formAction(setQuantityInput, 'updated', (ctx, i) => setCartQuantity(ctx, i.productId, i.quantity)),
  remove: formAction(removeInput, 'removed', (ctx, i) => removeFromCart(ctx, i.productId)),
};

export async function handleCartForm(action: string, req: Request, ctx: Context): Promise<Response> {
  const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!run) return plainText('Not found', 404);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return plainText('Expected a form submission.', 400);
  }
  const next = sameSitePath(form.get('next')) ?? sameSitePath(refererPath(req)) ?? '/cart';
  const notice = await run(ctx, { productId: numberField(form, 'productId'), quantity: numberField(form, 'quantity') });
  const headers = new Headers(ctx.resHeaders);
  headers.set('location', withNotice(next, notice));
  return new Response(null, { status: 303, headers });
}

const plainText = (text: string, status: number) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A form field as a whole number (NaN, so refused, unless plain decimal digits);
 * absent or empty becomes undefined so optional defaults apply.
 */
function numberField(form: FormData, name: string): number | undefined {
  const raw = form.get(name);
  return typeof raw === 'string' && raw.trim() !== '' ? wholeNumber(raw) : undefined;
}

function refererPath(req: Request): string | null {
  const url = sameSiteUrl(req.headers.get('referer'), req);
  return url && url.pathname + url.search;
}

const BASE = 'http://same.site';

function withNotice(path: string, notice: Notice): string {
  const url = new URL(path, BASE);
  url.searchParams.set('cart', notice.cart);
  if (notice.reason) url.searchParams.set('reason', notice.reason);
  else url.searchParams.delete('reason');
  return url.pathname + url.search;
}
