// Runtime configuration, read once from the environment (see .env.example).

export const DEFAULT_DATABASE_URL = 'file:./data/gomall.db';
const DATABASE_SCHEMES = ['file:', 'libsql:', 'http:', 'https:'];

export type Mode = 'development' | 'production' | 'test';

export interface Config {
  mode: Mode;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  /**
   * How an embedded database file commits (DATABASE_SYNCHRONOUS): `normal` (the default)
   * syncs the write-ahead log to disk at checkpoints, `full` on every commit. Either way
   * the file is never corrupted and a crash of the shop loses nothing; `normal` may lose
   * the last commits to a power cut or an operating-system crash, for about twice the
   * write throughput (an order is nine commits).
   */
  databaseSynchronous: 'normal' | 'full';
  /** Products with stock at or below this (and above zero) show as low stock. */
  lowStockThreshold: number;
  /** Signs session JWTs and cart cookies (SESSION_SECRET, at least 32 characters). */
  secret: string;
  /** Checkout: flat shipping (SHIPPING_FLAT_CENTS), free from FREE_SHIPPING_FROM_CENTS of goods after discount. */
  shippingFlatCents: number;
  freeShippingFromCents: number;
  /** Sales tax in basis points of the discounted goods (TAX_RATE_BPS, 825 = 8.25 %). */
  taxRateBps: number;
  /** How long an order waits for payment before it cancels itself (ORDER_PAYMENT_TIMEOUT_SECONDS). */
  orderPaymentTimeoutSeconds: number;
  /** The shop as its emails and links name it: PUBLIC_URL (no trailing slash), SHOP_NAME, SHOP_ADDRESS, MAIL_FROM. */
  publicUrl: string;
  /**
   * The origin the pages, the sitemap and robots.txt write absolute URLs with: PUBLIC_URL's
   * when it is set (not the Host a request names, nor http behind a TLS proxy); unset, the request's.
   */
  siteOrigin?: string;
  shopName: string;
  shopAddress: string;
  mailFrom: string;
  /** How mail leaves: stored in the mailbox table, written to the log, or POSTed to an email API. */
  mailTransport: 'mailbox' | 'log' | 'http';
  mailApiUrl?: string;
  mailApiKey?: string;
  /** Where delayed jobs go: the local jobs table and runner, or QStash (QSTASH_TOKEN, signing keys). */
  scheduler: 'local' | 'qstash';
  qstashUrl?: string;
  qstashToken?: string;
  qstashCurrentSigningKey?: string;
  qstashNextSigningKey?: string;
  /** The administrator account created at seed time (ADMIN_EMAIL / ADMIN_PASSWORD). */
  adminEmail?: string;
  adminPassword?: string;
  /** LOG_FORMAT: one JSON object per line (production's default) or the readable line (development). */
  logFormat: 'json' | 'pretty';
  /** METRICS_TOKEN: GET /metrics answers only with this bearer token (404 while unset). */
  metricsToken?: string;
  /** METRICS_PORT: /metrics also served without a token on 127.0.0.1 at this port (Bun and Deno). */
  metricsPort?: number;
  /** OpenTelemetry traces (the standard OTEL_* variables), exported by OTLP over HTTP; absent: off. */
  otel?: OtelConfig;
}

export const OTEL_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

export interface OtelConfig {
  /** Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  tracesEndpoint: string;
  /** OTEL_SERVICE_NAME (default gomall). */
  serviceName: string;
  /** OTEL_TRACES_SAMPLER (default parentbased_always_on) and OTEL_TRACES_SAMPLER_ARG (the ratio). */
  sampler: (typeof OTEL_SAMPLERS)[number];
  samplerRatio: number;
  /** OTEL_EXPORTER_OTLP_TRACES_HEADERS or OTEL_EXPORTER_OTLP_HEADERS: "key=value,key2=value2". */
  headers: Record<string, string>;
}

type Env = Record<string, string | undefined>;

/** A setting that is missing or wrong: reported to the operator as one line, no stack. */
function siteOriginFrom(publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  if (!URL.canParse(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an absolute URL such as https://shop.example.com (got "${publicUrl}")`);
  return new URL(publicUrl).origin;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Env = process.env, mode: Mode = 'development'): Config {
  return {
    mode,
    port: intFrom(env, 'PORT', 3000),
    databaseUrl: databaseUrlFrom(env),
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    databaseSynchronous: choice(env, 'DATABASE_SYNCHRONOUS', ['normal', 'full'] as const, 'normal'),
    lowStockThreshold: intFrom(env, 'LOW_STOCK_THRESHOLD', 5),
    shippingFlatCents: intFrom(env, 'SHIPPING_FLAT_CENTS', 599),
    freeShippingFromCents: intFrom(env, 'FREE_SHIPPING_FROM_CENTS', 7500),
    taxRateBps: intFrom(env, 'TAX_RATE_BPS', 825),
    orderPaymentTimeoutSeconds: intFrom(env, 'ORDER_PAYMENT_TIMEOUT_SECONDS', 900),
    secret: secretFrom(env, mode),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${intFrom(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
    siteOrigin: siteOriginFrom(env.PUBLIC_URL),
    shopName: env.SHOP_NAME || 'GoMall',
    shopAddress: env.SHOP_ADDRESS || 'GoMall Edge, 1 Market Street, San Francisco, CA 94105, USA',
    mailFrom: env.MAIL_FROM || 'GoMall <shop@gomall.local>',
    ...mailFrom(env, mode),
    ...schedulerFrom(env),
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    adminPassword: adminPasswordFrom(env),
    logFormat: choice(env, 'LOG_FORMAT', ['json', 'pretty'] as const, mode === 'production' ? 'json' : 'pretty'),
    ...metricsFrom(env),
    otel: otelFrom(env),
  };
}

function otelFrom(env: Env): OtelConfig | undefined {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (base ? `${base}/v1/traces` : undefined);
  if (!tracesEndpoint) return undefined;
  if (!URL.canParse(tracesEndpoint)) throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be a URL (got "${tracesEndpoint}")`);
  const sampler = choice(env, 'OTEL_TRACES_SAMPLER', OTEL_SAMPLERS, 'parentbased_always_on');
  const ratio = env.OTEL_TRACES_SAMPLER_ARG ? Number(env.OTEL_TRACES_SAMPLER_ARG) : 1;
  if (!(ratio >= 0 && ratio <= 1)) throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (got "${env.OTEL_TRACES_SAMPLER_ARG}")`);
  const headers: Record<string, string> = {};
  for (const pair of (env.OTEL_EXPORTER_OTLP_TRACES_HEADERS || env.OTEL_EXPORTER_OTLP_HEADERS || '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return { tracesEndpoint, serviceName: env.OTEL_SERVICE_NAME || 'gomall', sampler, samplerRatio: ratio, headers };
}

function metricsFrom(env: Env) {
  const metricsToken = env.METRICS_TOKEN || undefined;
  // A bearer token guessed by anyone who tries a few is no protection.
  if (metricsToken && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 16`)');
  const metricsPort = env.METRICS_PORT ? intFrom(env, 'METRICS_PORT', 0) : undefined;
  return { metricsToken, metricsPort };
}

function choice<T extends string>(env: Env, name: string, options: readonly T[], fallback: T): T {
  const value = env[name] || fallback;
  if (!options.includes(value as T)) throw new ConfigError(`${name} must be one of ${options.join(', ')} (got "${value}")`);
  return value as T;
}

function mailFrom(env: Env, mode: Mode) {
  const mailTransport = choice(env, 'MAIL_TRANSPORT', ['mailbox', 'log', 'http'] as const, mode === 'production' ? 'log' : 'mailbox');
  const mailApiUrl = env.MAIL_API_URL || undefined;
  const mailApiKey = env.MAIL_API_KEY || undefined;
  if (mailTransport === 'http' && !(mailApiUrl && mailApiKey)) throw new ConfigError('MAIL_TRANSPORT=http needs MAIL_API_URL and MAIL_API_KEY');
  return { mailTransport, mailApiUrl, mailApiKey };
}

function schedulerFrom(env: Env) {
  const scheduler = choice(env, 'SCHEDULER', ['local', 'qstash'] as const, 'local');
  const qstash = {
    qstashUrl: env.QSTASH_URL || undefined,
    qstashToken: env.QSTASH_TOKEN || undefined,
    qstashCurrentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY || undefined,
    qstashNextSigningKey: env.QSTASH_NEXT_SIGNING_KEY || undefined,
  };
  if (scheduler === 'qstash' && !(qstash.qstashToken && qstash.qstashCurrentSigningKey && qstash.qstashNextSigningKey)) {
    throw new ConfigError('SCHEDULER=qstash needs QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY');
  }
  return { scheduler, ...qstash };
}

function databaseUrlFrom(env: Env): string {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!DATABASE_SCHEMES.some((s) => url.startsWith(s))) {
    throw new ConfigError(`DATABASE_URL must start with one of ${DATABASE_SCHEMES.join(' ')} (got "${url}")`);
  }
  return url;
}

function adminPasswordFrom(env: Env): string | undefined {
  const password = env.ADMIN_PASSWORD || undefined;
  if (password && (password.length < 8 || password.length > 128)) {
    throw new ConfigError('ADMIN_PASSWORD must be 8 to 128 characters');
  }
  return password;
}

// Production must be given a secret. Tests get a random one per process;
// `npm run dev` keeps a generated one in data/ (server/local/dev-secret.ts).
function secretFrom(env: Env, mode: Mode): string {
  const secret = env.SESSION_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (secret || mode === 'production') throw new ConfigError('SESSION_SECRET must be set to at least 32 characters (e.g. `openssl rand -hex 32`)');
  return randomSecret();
}

/** 32 random bytes as hex. */
export function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}
