// The cart merge rule, one pure function that every CartStore adapter applies in
// its own storage (the local table, the CartObject Durable Object): quantities of
// one product add up to its cap and never lower a line already there, new lines
// join while the cart has room, and products without a cap are dropped.
import type { CartLine, MergeLimits } from '../ports.ts';

export interface MergeChanges {
  /** Lines to add to the target cart, in the order the incoming cart holds them. */
  insert: CartLine[];
  /** Lines of the target cart whose quantity goes up. */
  update: CartLine[];
}

export function mergeChanges(target: readonly CartLine[], incoming: readonly CartLine[], limits: MergeLimits): MergeChanges {
  const current = new Map(target.map((line) => [line.productId, line.quantity]));
  let lineCount = current.size;
  const changes: MergeChanges = { insert: [], update: [] };
  for (const line of incoming) {
    const cap = limits.maxQuantity.get(line.productId) ?? 0;
    if (cap <= 0) continue;
    const existing = current.get(line.productId);
    if (existing === undefined) {
      if (lineCount >= limits.maxLines) continue;
      lineCount++;
      changes.insert.push({ productId: line.productId, quantity: Math.min(line.quantity, cap) });
    } else {
      const quantity = Math.max(existing, Math.min(existing + line.quantity, cap));
      if (quantity !== existing) changes.update.push({ productId: line.productId, quantity });
    }
  }
  return changes;
}
