// /admin/products/new and /admin/products/:id: the product form, archiving, and
// stock adjustments with their history. Each form is an admin FormAction: a plain
// post without JavaScript, a tRPC call with it.
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createResource, For, onMount, Show } from 'solid-js';
import * as actions from '../../forms/admin-forms.ts';
import { orNotFound, useApi, type Api, type ApiOutput } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { known } from '../../known.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { Checkbox, CheckboxGroup, StyledSubmit, TextAreaField, TextField } from './admin-fields.tsx';
import { ImageUrlField } from './image-url-field.tsx';
import { useQueryParams } from '../../query-params.ts';

type AdminProduct = NonNullable<ApiOutput<Api['admin']['product']['get']>>;
type Categories = ApiOutput<Api['product']['categories']>;

/** The confirmations after a successful save (?saved=…), each shown by the panel it belongs to. */
const PRODUCT_SAVED: Record<string, string> = { created: 'Created.', product: 'Saved.' };
const STOCK_SAVED: Record<string, string> = { stock: 'Stock adjusted.' };
const ARCHIVE_SAVED: Record<string, string> = { archived: 'Archived: shoppers no longer see it.', unarchived: 'Listed again.' };

/** Epoch ms as "2026-11-25 12:00 UTC": the same text on the server and in every browser. */
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function AdminProductEditPage() {
  const api = useApi();
  const params = useParams<{ id?: string }>();
  const search = useQueryParams<{ saved?: string; confirm?: string }>();
  const id = () => (params.id && /^\d{1,15}$/.test(params.id) ? Number(params.id) : undefined);
  const [page] = createResource(
    () => ({ id: id(), isNew: !params.id }),
    ({ id, isNew }) =>
      asAdmin(
        Promise.all([
          api.product.categories(),
          // A new product has nothing to load, but the page still asks an admin procedure, so only admins see the form.
          isNew ? api.admin.product.list({ pageSize: 1 }).then(() => null) : id ? orNotFound(api.admin.product.get({ id })) : null,
        ]).then(([categories, product]) => ({ categories, product, isNew })),
      ),
  );

  return (
    <AdminGate result={page()}>
      {(data) => (
        <Show when={data().isNew || data().product} fallback={<NotFoundPage message="There is no such product." />}>
          <Title>{data().product ? `Edit ${data().product!.name} — GoMall admin` : 'New product — GoMall admin'}</Title>
          <p class="text-sm mb-2">
            <a href="/admin/products" class="underline">
              ← All products
            </a>
          </p>
          <h1 class="text-2xl font-bold mt-0 mb-1">{data().product ? `Edit ${data().product!.name}` : 'New product'}</h1>
          <Show when={data().product}>{(product) => <ShopLink product={product()} />}</Show>
          {/* min-w-0: a wide table scrolls inside its panel instead of widening the page on phones. */}
          <div class="grid gap-8 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
            <ProductForm product={data().product} categories={data().categories} saved={search.saved} />
            <Show when={data().product}>
              {(product) => (
                <div class="flex flex-col gap-8">
                  <StockPanel product={product()} saved={search.saved} />
                  <ArchivePanel product={product()} saved={search.saved} confirming={search.confirm === 'archive'} />
                </div>
              )}
            </Show>
          </div>
        </Show>
      )}
    </AdminGate>
  );
}

function Confirmation(props: { messages: Record<string, string>; saved: string | undefined }) {
  return (
    <Show when={known(props.messages, props.saved)}>
      {(message) => (
        <p role="status" class="p-2 rounded bg-green-100 text-green-900 text-sm m-0">
          {message()}
        </p>
      )}
    </Show>
  );
}

function ProductForm(props: { product: AdminProduct | null; categories: Categories; saved?: string }) {
  const chosen = (slug: string) => props.product?.categories.some((c) => c.slug === slug) ?? false;
  return (
    <ActionForm
      action={props.product ? actions.updateProduct : actions.createProduct}
      aria-label={props.product ? 'Product' : 'New product'}
      class="flex flex-col gap-4 bg-white p-4 border border-gray-200 rounded-lg"
    >
      <Show when={props.product}>{(product) => <input type="hidden" name="id" value={product().id} />}</Show>
      <TextField name="name" label="Name" required maxLength={200} value={props.product?.name} />
      <TextField
        name="slug"
        label="Slug (the address; made from the name when empty)"
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        value={props.product?.slug}
      />
      <TextAreaField name="description" label="Description" rows={5} maxLength={5000} value={props.product?.description} />
      <div class="flex flex-wrap gap-4">
        <TextField
          name="price"
          label="Price"
          inputMode="decimal"
          required
          placeholder="24.50"
          value={props.product ? (props.product.priceCents / 100).toFixed(2) : undefined}
          class="w-32"
        />
        <Show when={!props.product}>
          <TextField name="stock" label="Initial stock" type="number" min="0" step="1" value="0" class="w-28" />
        </Show>
      </div>
      <CheckboxGroup name="categories" legend="Categories (the first is the main one)">
        <div class="grid grid-cols-1 sm:grid-cols-2 gap-1">
          <For each={props.categories}>
            {(c) => <Checkbox name={actions.categoryField(c.slug)} label={c.name} checked={chosen(c.slug)} />}
          </For>
        </div>
      </CheckboxGroup>
      <ImageUrlField
        label={props.product ? 'Image URL (the current picture stays when empty)' : 'Image URL (a generated picture when empty)'}
        saved={props.product?.imageUrl}
        productName={props.product?.name}
      />
      <div class="flex flex-wrap gap-4">
        <Checkbox name="active" label="Listed in the shop" checked={props.product?.active ?? true} />
        <Checkbox name="featured" label="Featured on the home page" checked={props.product?.featured ?? false} />
      </div>
      <Confirmation messages={PRODUCT_SAVED} saved={props.saved} />
      <div>
        <SubmitButton label={props.product ? 'Save changes' : 'Create product'} busyLabel="Saving…" variant="compact" />
      </div>
    </ActionForm>
  );
}

function StockPanel(props: { product: AdminProduct; saved?: string }) {
  return (
    <section aria-labelledby="stock-heading" class="bg-white p-4 border border-gray-200 rounded-lg flex flex-col gap-3">
      <h2 id="stock-heading" class="text-lg font-semibold m-0">
        Stock: {props.product.stock}
      </h2>
      <ActionForm action={actions.adjustStock} aria-label="Adjust stock" class="flex flex-col gap-3">
        <input type="hidden" name="id" value={props.product.id} />
        <TextField name="delta" label="Change (use a minus sign to remove)" type="number" step="1" required class="w-32" />
        <TextField name="reason" label="Reason" required maxLength={200} placeholder="Delivery, damaged, stocktake…" />
        <Confirmation messages={STOCK_SAVED} saved={props.saved} />
        <div>
          <SubmitButton label="Adjust stock" busyLabel="Adjusting…" variant="compact" />
        </div>
      </ActionForm>
      <Show when={props.product.stockHistory.length > 0}>
        {/* Scrolls sideways on a phone: focusable, so keyboard users can scroll it too. */}
        <div class="overflow-x-auto" tabindex="0" role="region" aria-label="Recent stock changes">
        <table class="w-full text-xs">
          <caption class="text-left text-sm font-medium mb-1">Recent changes</caption>
          <thead class="text-left text-gray-600">
            <tr>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Change</th>
              <th scope="col">After</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.product.stockHistory}>
              {(h) => (
                <tr class="stock-history-row border-t border-gray-100">
                  <td class="py-1 pr-3 whitespace-nowrap">{utc(h.createdAt)}</td>
                  <td class="py-1 pr-2 break-all">{h.actorEmail ?? `user ${h.actorUserId}`}</td>
                  <td class="py-1 pr-2">{h.delta > 0 ? `+${h.delta}` : h.delta}</td>
                  <td class="py-1 pr-2">{h.stockAfter}</td>
                  <td class="py-1">{h.reason}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        </div>
      </Show>
    </section>
  );
}

/** Where shoppers see the product, or why they don't. */
function ShopLink(props: { product: AdminProduct }) {
  return (
    <p class="text-sm mt-0 mb-4">
      <Show when={props.product.active} fallback={<span class="text-gray-600">Archived: not visible in the shop.</span>}>
        <a href={`/product/${props.product.slug}`} class="underline">
          View in shop
        </a>
      </Show>
    </p>
  );
}

/**
 * Listing state and the way to change it. Archiving takes two steps, with or without
 * JavaScript: "Archive product…" opens a confirmation (?confirm=archive) whose button
 * archives; listing again is one neutral step.
 */
function ArchivePanel(props: { product: AdminProduct; saved?: string; confirming: boolean }) {
  return (
    <section aria-labelledby="archive-heading" class="bg-white p-4 border border-gray-200 rounded-lg flex flex-col gap-3">
      <h2 id="archive-heading" class="text-lg font-semibold m-0">
        {props.product.active ? 'Listed' : 'Archived'}
      </h2>
      <Confirmation messages={ARCHIVE_SAVED} saved={props.saved} />
      <Show
        when={props.product.active}
        fallback={
          <>
            <p class="text-sm text-gray-600 m-0">This product is hidden from shoppers: it is not visible in the shop, search or categories.</p>
            <ActionForm action={actions.unarchiveProduct} aria-label="Unarchive product">
              <input type="hidden" name="id" value={props.product.id} />
              <SubmitButton label="Unarchive product" busyLabel="Listing…" variant="compact" />
            </ActionForm>
          </>
        }
      >
        <p class="text-sm text-gray-600 m-0">Shoppers find it in the shop, search and its categories.</p>
        {/* Kept apart from the saving buttons, and red: archiving is what shoppers notice. */}
        <div class="border-t border-red-200 pt-3 mt-1 flex flex-col gap-2">
          <Show
            when={props.confirming}
            fallback={
              <>
                <p class="text-sm text-gray-600 m-0">Archiving hides the product from the shop, search and categories; past orders keep their copy.</p>
                <div>
                  <a
                    href={`${actions.productPage(props.product.id)}?confirm=archive#archive-confirm`}
                    class="inline-block px-4 py-2 rounded border border-red-700 text-red-700 text-sm font-medium no-underline hover:bg-red-50"
                  >
                    Archive product…
                  </a>
                </div>
              </>
            }
          >
            <ArchiveConfirmation product={props.product} />
          </Show>
        </div>
      </Show>
    </section>
  );
}

function ArchiveConfirmation(props: { product: AdminProduct }) {
  let heading: HTMLHeadingElement | undefined;
  // Arrived here by the first step's link: the question is where the keyboard continues.
  onMount(() => heading?.focus());
  return (
    <div id="archive-confirm" class="rounded border border-red-300 bg-red-50 p-3 flex flex-col gap-3">
      <h3 ref={heading} tabindex="-1" class="text-base font-semibold text-red-900 m-0">
        Archive {props.product.name}?
      </h3>
      <p class="text-sm text-red-900 m-0">Shoppers will no longer see it. You can list it again later.</p>
      <ActionForm action={actions.archiveProduct} aria-label="Archive product" class="flex flex-wrap items-center gap-4">
        <input type="hidden" name="id" value={props.product.id} />
        <StyledSubmit
          label="Yes, archive product"
          busyLabel="Archiving…"
          class="px-4 py-2 rounded bg-red-700 text-white text-sm font-medium border-0 hover:bg-red-800 cursor-pointer"
        />
        <a href={actions.productPage(props.product.id)} class="text-sm underline text-gray-800">
          Cancel
        </a>
      </ActionForm>
    </div>
  );
}
