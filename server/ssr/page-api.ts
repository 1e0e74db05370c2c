// The Api that server-rendered pages read with (queries only): the in-process tRPC caller, with errors
// made safe to embed. Solid serializes a failed resource's error into the page for
// hydration, so nothing internal (SQL, stack) may reach it: internal errors are
// logged here with the request id and replaced by a generic one.
import { createTRPCRecursiveProxy, TRPCError } from '@trpc/server';
import type { Api } from '../../client/api.ts';
import type { Caller } from '../../routers/index.ts';
import { PageDataError } from '../../client/page-error.ts';
import type { Logger } from '../logger.ts';

/** Told of each procedure a page reads ("product.list") as the read starts, with its result to come (the page cache). */
export type ReadObserver = (procedure: string, result: Promise<unknown>) => void;

export function pageApi(caller: Caller, logger: Logger, requestId: string, observe?: ReadObserver): Api {
  // Several components of one page may ask for the same data (the header and a
  // page both list categories): one request runs each distinct query once.
  const seen = new Map<string, Promise<unknown>>();
  return createTRPCRecursiveProxy<Api>(({ path, args }) => {
    const key = `${path.join('.')} ${JSON.stringify(args)}`;
    let result = seen.get(key);
    if (!result) {
      result = call(caller, path, args, logger, requestId);
      observe?.(path.join('.'), result);
      seen.set(key, result);
    }
    return result;
  });
}

async function call(caller: Caller, path: readonly string[], args: readonly unknown[], logger: Logger, requestId: string) {
  const procedure = path.reduce<any>((node, key) => node[key], caller);
  try {
    return await procedure(...args);
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      throw new PageDataError(error.code, error.message);
    }
    logger.error(`page data ${path.join('.')} failed, request ${requestId}`, (error as Error).cause ?? error, { requestId });
    throw new PageDataError('INTERNAL_SERVER_ERROR', 'Something went wrong');
  }
}
