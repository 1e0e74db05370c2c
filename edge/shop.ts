// What every entry of the Worker builds the shop from (the fetch and cron handlers
// in worker.ts, the OrderTimer alarm): config from the environment, libSQL over
// HTTP, carts in CartObjects, and the scheduler: jobs through SCHEDULER (the jobs
// table or QStash), order timers through ORDER_TIMERS (OrderTimer Durable Objects
// by default, or the same scheduler as the jobs). Built once per isolate.
import { readConfig, ConfigError } from '../routers/config.ts';
import type { AppDeps } from '../routers/context.ts';
import { systemClock } from '../server/local/clock.ts';
import { createLogger, type Logger } from '../server/logger.ts';
import { mailTransportFor } from '../server/mail/transports.ts';
import { schedulerFor } from '../server/scheduler-for.ts';
import { durableCartStore } from './cart-store.ts';
import { openRemoteDatabase } from './database.ts';
import type { Env } from './env.ts';
import { durableOrderTimers } from './order-timers.ts';

export const ORDER_TIMER_CHOICES = ['durable-object', 'qstash'] as const;
export type OrderTimerChoice = (typeof ORDER_TIMER_CHOICES)[number];

let shop: { deps: AppDeps; logger: Logger } | undefined;

/** The shop's adapters on this isolate (throws ConfigError when the environment is wrong). */
export function edgeDeps(env: Env): AppDeps {
  return edgeShop(env).deps;
}

/** The adapters and the logger (LOG_FORMAT, JSON by default: Workers Logs indexes its fields). */
export function edgeShop(env: Env) {
  return (shop ??= buildShop(env));
}

function buildShop(env: Env) {
  const config = readConfig(variables(env), 'production');
  const logger = createLogger(config.logFormat);
  const db = openRemoteDatabase(config.databaseUrl, config.databaseAuthToken);
  const mail = mailTransportFor(config, db, systemClock, logger);
  const timers = orderTimerChoice(env, config.scheduler) === 'durable-object' ? durableOrderTimers(env.ORDER_TIMER) : undefined;
  const scheduler = schedulerFor(config, db, systemClock, timers);
  return { deps: { db, carts: durableCartStore(env.CART), scheduler, mail, clock: systemClock, config }, logger };
}

/** ORDER_TIMERS: `durable-object` (the default) or `qstash` (then the jobs' SCHEDULER must be qstash too). */
export function orderTimerChoice(bindings: object, scheduler: 'local' | 'qstash'): OrderTimerChoice {
  const env = bindings as Partial<Record<string, unknown>>;
  // ORDER_TIMER is the Durable Object binding (wrangler refuses a variable of the same name).
  if (typeof env.ORDER_TIMER === 'string') throw new ConfigError('ORDER_TIMER is the OrderTimer Durable Object binding: choose the order timers with ORDER_TIMERS');
  const value = (typeof env.ORDER_TIMERS === 'string' && env.ORDER_TIMERS) || 'durable-object';
  if (!ORDER_TIMER_CHOICES.includes(value as OrderTimerChoice)) throw new ConfigError(`ORDER_TIMERS must be one of ${ORDER_TIMER_CHOICES.join(', ')} (got "${value}")`);
  if (value === 'qstash' && scheduler !== 'qstash') throw new ConfigError('ORDER_TIMERS=qstash needs SCHEDULER=qstash (and its QStash settings)');
  if (value === 'durable-object' && typeof (env.ORDER_TIMER as { getByName?: unknown } | undefined)?.getByName !== 'function') {
    throw new ConfigError('ORDER_TIMERS=durable-object needs the ORDER_TIMER Durable Object binding (wrangler.toml)');
  }
  return value as OrderTimerChoice;
}

/** The string variables and secrets of the environment (bindings left out). */
export const variables = (env: Env) => Object.fromEntries(Object.entries(env).filter(([, value]) => typeof value === 'string'));
