// Bun entry: `npm run dev` (development) and `npm start` (NODE_ENV=production).
import { ConfigError, readConfig } from '../routers/config.ts';
import { boot } from './local/boot.ts';
import { jobPollMsFrom } from './local/shop.ts';
import { devSecret } from './local/dev-secret.ts';
import { createLogger } from './logger.ts';
import { bufferedStdoutSink } from './log-sink.ts';

const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development';
const stdout = bufferedStdoutSink();
if (mode === 'development' && !process.env.SESSION_SECRET) process.env.SESSION_SECRET = devSecret();
const { config, shop } = await start().catch((error) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`GoMall cannot start: ${error.message}`);
  process.exit(1);
});
// After the start-up lines (migrations, the administrator) that are still waiting.
stdout.flush();
console.log(`GoMall (${config.mode}) listening on ${shop.url}`);

async function start() {
  const config = readConfig(process.env, mode);
  return { config, shop: await boot({ config, logger: createLogger(config.logFormat, stdout), jobPollMs: jobPollMsFrom(process.env) }) };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await shop.stop();
    process.exit(0);
  });
}
