// A build check: the client bundle must never carry server-only code (the query builder,
// the database drivers, anything under db/). It once did, through a shared sort table.
import type { Plugin } from 'vite';

// Matched against paths relative to the project.
const SERVER_ONLY = [/(?:^|[\\/])node_modules[\\/](?:kysely|@libsql|libsql)[\\/]/, /^db[\\/]/];

/** The module ids (absolute paths) among `ids` that belong on the server only. */
export function serverOnlyModules(ids: Iterable<string>, root: string): string[] {
  const inRoot = (id: string) => (id.startsWith(root) ? id.slice(root.length).replace(/^[\\/]/, '') : id);
  return [...ids].filter((id) => SERVER_ONLY.some((pattern) => pattern.test(inRoot(id))));
}

/** Fails the (client) build, naming each server-only module found in a chunk. */
export function serverOnlyGuard(root = process.cwd()): Plugin {
  return {
    name: 'gomall:server-only-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const found = Object.values(bundle).flatMap((chunk) =>
        chunk.type === 'chunk' ? serverOnlyModules(chunk.moduleIds, root).map((id) => `${chunk.fileName} ← ${id}`) : [],
      );
      if (found.length) this.error(`server-only modules in the client bundle:\n  ${found.join('\n  ')}`);
    },
  };
}
