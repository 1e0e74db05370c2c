// Runtime configuration, read once from the environment (see .env.example).

export const DEFAULT_DATABASE_URL = 'file:./data/gomall.db';

export type Mode = 'development' | 'production' | 'test';

export interface Config {
  mode: Mode;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Products with stock at or below this (and above zero) show as low stock. */
  lowStockThreshold: number;
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env = process.env, mode: Mode = 'development'): Config {
  return {
    mode,
    port: intFrom(env, 'PORT', 3000),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    lowStockThreshold: intFrom(env, 'LOW_STOCK_THRESHOLD', 5),
  };
}

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}
