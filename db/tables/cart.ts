// Cart lines of the local CartStore adapter: product ids and quantities only.
import type { Generated } from 'kysely';

export interface CartItemTable {
  /** Insertion order, so lines are listed in the order they were first added. */
  id: Generated<number>;
  /** `user:<userId>` or `guest:<random id>`. */
  cartId: string;
  productId: number;
  quantity: number;
  createdAt: number;
  updatedAt: number;
}
