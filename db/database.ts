// The whole schema as Kysely sees it, built from the per-domain table types.
import type { Kysely, Transaction } from 'kysely';
import type { CartItemTable } from './tables/cart.ts';
import type {
  CategoryTable,
  ProductCategoryTable,
  ProductSearchTable,
  ProductTable,
  StockAdjustmentTable,
} from './tables/catalog.ts';
import type { CampaignTable, MailboxTable, PasswordResetTable, ScheduledMessageTable } from './tables/email.ts';
import type { JobTable } from './tables/job.ts';
import type {
  CouponRedemptionTable,
  CouponTable,
  IdempotencyKeyTable,
  OrderEventTable,
  OrderLineTable,
  OrderTable,
  PaymentTable,
} from './tables/order.ts';
import type { AddressTable, LoginAttemptTable, SessionTable, UserTable } from './tables/user.ts';

export interface Database {
  categories: CategoryTable;
  products: ProductTable;
  product_categories: ProductCategoryTable;
  products_fts: ProductSearchTable;
  stock_adjustments: StockAdjustmentTable;
  cart_items: CartItemTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  addresses: AddressTable;
  coupons: CouponTable;
  coupon_redemptions: CouponRedemptionTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  order_events: OrderEventTable;
  payments: PaymentTable;
  idempotency_keys: IdempotencyKeyTable;
  jobs: JobTable;
  mailbox: MailboxTable;
  campaigns: CampaignTable;
  password_resets: PasswordResetTable;
  scheduled_messages: ScheduledMessageTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
