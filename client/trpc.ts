// The browser's tRPC client (plain JSON, batched) behind the typed proxies pages and forms use.
import { createTRPCUntypedClient, httpBatchLink } from '@trpc/client';
import { createTRPCRecursiveProxy } from '@trpc/server';
import type { AppRouter } from '../routers/index.ts';
import type { Api, MutationApi } from './api.ts';

const untyped = createTRPCUntypedClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });

/** `api.product.list(input)` in the browser: a GET query to /trpc/product.list. */
export const browserApi = createTRPCRecursiveProxy<Api>(({ path, args }) => untyped.query(path.join('.'), args[0]));

/** The same shape for mutations (`api.user.login(input)` → POST /trpc/user.login), as forms run them. */
export const browserMutations = createTRPCRecursiveProxy<MutationApi>(({ path, args }) => untyped.mutation(path.join('.'), args[0]));
