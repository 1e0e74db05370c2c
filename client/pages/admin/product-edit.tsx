// /admin/products/new and /admin/products/:id: the product form, archiving, and
// stock adjustments with their history. Saving uses the tRPC client (JavaScript).
import { Title } from '@solidjs/meta';
import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { orNotFound, useApi, type Api, type ApiOutput } from '../../api.ts';
import { trpc } from '../../trpc.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AdminGate, asAdmin, errorMessage } from './admin-access.tsx';

type AdminProduct = NonNullable<ApiOutput<Api['admin']['product']['get']>>;
type Categories = ApiOutput<Api['product']['categories']>;

const input = 'border border-gray-300 rounded px-2 py-1.5 bg-white';
const button = 'px-4 py-2 rounded bg-gray-900 text-white text-sm';

/** Epoch ms as "2026-11-25 12:00 UTC": the same text on the server and in every browser. */
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function AdminProductEditPage() {
  const api = useApi();
  const params = useParams<{ id?: string }>();
  const id = () => (params.id && /^\d{1,15}$/.test(params.id) ? Number(params.id) : undefined);
  const [page, { refetch }] = createResource(
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
          <h1 class="text-2xl font-bold mb-4">{data().product ? `Edit ${data().product!.name}` : 'New product'}</h1>
          <noscript>
            <p class="p-3 mb-4 rounded bg-amber-100 text-amber-900">Saving changes needs JavaScript.</p>
          </noscript>
          <div class="grid gap-8 lg:grid-cols-[2fr_1fr]">
            <ProductForm product={data().product} categories={data().categories} onSaved={refetch} />
            <Show when={data().product}>
              {(product) => (
                <div class="flex flex-col gap-8">
                  <StockPanel product={product()} onChanged={refetch} />
                  <ArchivePanel product={product()} onChanged={refetch} />
                </div>
              )}
            </Show>
          </div>
        </Show>
      )}
    </AdminGate>
  );
}

function Status(props: { error: string; done: string }) {
  return (
    <>
      <Show when={props.error}>
        <p role="alert" class="p-2 rounded bg-red-100 text-red-900 text-sm m-0">
          {props.error}
        </p>
      </Show>
      <Show when={props.done}>
        <p role="status" class="p-2 rounded bg-green-100 text-green-900 text-sm m-0">
          {props.done}
        </p>
      </Show>
    </>
  );
}

/** Runs a mutation from a form, showing its outcome. */
function useSubmit() {
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<string>) => {
    setError('');
    setDone('');
    setBusy(true);
    try {
      setDone(await action());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, done, busy, run };
}

function ProductForm(props: { product: AdminProduct | null; categories: Categories; onSaved: () => void }) {
  const navigate = useNavigate();
  const submit = useSubmit();
  const chosen = (slug: string) => props.product?.categories.some((c) => c.slug === slug) ?? false;

  const save = (form: HTMLFormElement) =>
    submit.run(async () => {
      const f = new FormData(form);
      const text = (name: string) => String(f.get(name) ?? '').trim();
      const fields = {
        name: text('name'),
        slug: text('slug') || undefined,
        description: text('description'),
        priceCents: Math.round(Number(text('price')) * 100),
        categories: f.getAll('categories').map(String),
        imageUrl: text('imageUrl') || undefined,
        active: f.has('active'),
        featured: f.has('featured'),
      };
      if (props.product) {
        await trpc.admin.product.update.mutate({ id: props.product.id, ...fields });
        props.onSaved();
        return 'Saved.';
      }
      const created = await trpc.admin.product.create.mutate({ ...fields, stock: Number(text('stock') || 0) });
      navigate(`/admin/products/${created.id}`);
      return 'Created.';
    });

  return (
    <form
      method="post"
      class="flex flex-col gap-4 bg-white p-4 border border-gray-200 rounded-lg"
      onSubmit={(e) => {
        e.preventDefault();
        void save(e.currentTarget);
      }}
    >
      <label class="flex flex-col gap-1 text-sm">
        Name
        <input name="name" required maxLength={200} value={props.product?.name ?? ''} class={input} />
      </label>
      <label class="flex flex-col gap-1 text-sm">
        Slug (the address; made from the name when empty)
        <input name="slug" pattern="[a-z0-9]+(-[a-z0-9]+)*" value={props.product?.slug ?? ''} class={input} />
      </label>
      <label class="flex flex-col gap-1 text-sm">
        Description
        <textarea name="description" rows="5" maxLength={5000} class={input}>
          {props.product?.description ?? ''}
        </textarea>
      </label>
      <div class="flex flex-wrap gap-4">
        <label class="flex flex-col gap-1 text-sm">
          Price
          <input name="price" type="number" min="0" step="0.01" required value={props.product ? (props.product.priceCents / 100).toFixed(2) : ''} class={`${input} w-32`} />
        </label>
        <Show when={!props.product}>
          <label class="flex flex-col gap-1 text-sm">
            Initial stock
            <input name="stock" type="number" min="0" step="1" value="0" class={`${input} w-28`} />
          </label>
        </Show>
      </div>
      <fieldset class="border border-gray-200 rounded p-3">
        <legend class="text-sm px-1">Categories (the first is the main one)</legend>
        <div class="grid grid-cols-1 sm:grid-cols-2 gap-1">
          <For each={props.categories}>
            {(c) => (
              <label class="flex items-center gap-2 text-sm">
                <input type="checkbox" name="categories" value={c.slug} checked={chosen(c.slug)} />
                {c.name}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <label class="flex flex-col gap-1 text-sm">
        Image URL (a generated picture when empty)
        <input name="imageUrl" value={props.product?.imageUrl ?? ''} class={input} />
      </label>
      <div class="flex flex-wrap gap-4">
        <label class="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" checked={props.product?.active ?? true} />
          Listed in the shop
        </label>
        <label class="flex items-center gap-2 text-sm">
          <input type="checkbox" name="featured" checked={props.product?.featured ?? false} />
          Featured on the home page
        </label>
      </div>
      <Status error={submit.error()} done={submit.done()} />
      <div>
        <button type="submit" class={button} disabled={submit.busy()}>
          {props.product ? 'Save changes' : 'Create product'}
        </button>
      </div>
    </form>
  );
}

function StockPanel(props: { product: AdminProduct; onChanged: () => void }) {
  const submit = useSubmit();
  const adjust = (form: HTMLFormElement) =>
    submit.run(async () => {
      const f = new FormData(form);
      const { stock } = await trpc.admin.product.adjustStock.mutate({
        id: props.product.id,
        delta: Number(f.get('delta')),
        reason: String(f.get('reason') ?? ''),
      });
      form.reset();
      props.onChanged();
      return `Stock is now ${stock}.`;
    });
  return (
    <section aria-labelledby="stock-heading" class="bg-white p-4 border border-gray-200 rounded-lg flex flex-col gap-3">
      <h2 id="stock-heading" class="text-lg font-semibold m-0">
        Stock: {props.product.stock}
      </h2>
      <form
        method="post"
        class="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void adjust(e.currentTarget);
        }}
      >
        <label class="flex flex-col gap-1 text-sm">
          Change (use a minus sign to remove)
          <input name="delta" type="number" step="1" required class={`${input} w-32`} />
        </label>
        <label class="flex flex-col gap-1 text-sm">
          Reason
          <input name="reason" required maxLength={200} placeholder="Delivery, damaged, stocktake…" class={input} />
        </label>
        <Status error={submit.error()} done={submit.done()} />
        <div>
          <button type="submit" class={button} disabled={submit.busy()}>
            Adjust stock
          </button>
        </div>
      </form>
      <Show when={props.product.stockHistory.length > 0}>
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
                  <td class="py-1 pr-2 whitespace-nowrap">{utc(h.createdAt)}</td>
                  <td class="py-1 pr-2">user {h.actorUserId}</td>
                  <td class="py-1 pr-2">{h.delta > 0 ? `+${h.delta}` : h.delta}</td>
                  <td class="py-1 pr-2">{h.stockAfter}</td>
                  <td class="py-1">{h.reason}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

function ArchivePanel(props: { product: AdminProduct; onChanged: () => void }) {
  const submit = useSubmit();
  const toggle = () =>
    submit.run(async () => {
      const { id, active } = props.product;
      await (active ? trpc.admin.product.archive : trpc.admin.product.unarchive).mutate({ id });
      props.onChanged();
      return active ? 'Archived: shoppers no longer see it.' : 'Listed again.';
    });
  return (
    <section aria-labelledby="archive-heading" class="bg-white p-4 border border-gray-200 rounded-lg flex flex-col gap-3">
      <h2 id="archive-heading" class="text-lg font-semibold m-0">
        {props.product.active ? 'Listed' : 'Archived'}
      </h2>
      <p class="text-sm text-gray-600 m-0">
        {props.product.active
          ? 'Archiving hides the product from the shop, search and categories; past orders keep their copy.'
          : 'This product is hidden from shoppers.'}
      </p>
      <Status error={submit.error()} done={submit.done()} />
      <div>
        <button type="button" class={button} disabled={submit.busy()} onClick={() => void toggle()}>
          {props.product.active ? 'Archive product' : 'Unarchive product'}
        </button>
      </div>
    </section>
  );
}
