// Types for the `cloudflare:workers` runtime module, taken from the importable
// @cloudflare/workers-types so its globals do not clash with the DOM and Bun ones.
declare module 'cloudflare:workers' {
  import type { CloudflareWorkersModule } from '@cloudflare/workers-types';
  export const DurableObject: typeof CloudflareWorkersModule.DurableObject;
  export type DurableObject<Env = unknown> = CloudflareWorkersModule.DurableObject<Env>;
}
