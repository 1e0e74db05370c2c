// `npm run simulate -- --shoppers N --minutes M --url URL`: simulated shoppers
// against a running shop (see simulate.ts), a live progress line, a summary at
// the end. Exits 1 on any 5xx, unanswered or unexpected request, or an order
// whose stock accounting does not add up; 2 on bad arguments.
//
// Options: --think-ms (mean pause between a shopper's steps, default 1500),
// --seed (reproducible journeys).
import { parseArgs } from 'node:util';
import { simulate, type Progress } from './simulate.ts';

const usage = 'usage: npm run simulate -- --shoppers N --minutes M --url URL [--think-ms MS] [--seed N]';

function options() {
  const { values } = parseArgs({
    options: {
      shoppers: { type: 'string', default: '20' },
      minutes: { type: 'string', default: '1' },
      url: { type: 'string', default: 'http://localhost:3000' },
      'think-ms': { type: 'string', default: '1500' },
      seed: { type: 'string' },
    },
  });
  const shoppers = Number(values.shoppers);
  const minutes = Number(values.minutes);
  const thinkMs = Number(values['think-ms']);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const problems = [
    !(Number.isInteger(shoppers) && shoppers > 0) && '--shoppers must be a whole number above 0',
    !(minutes > 0) && '--minutes must be above 0 (fractions are fine: 0.5 is 30 seconds)',
    !URL.canParse(values.url) && '--url must be an http(s) address',
    !(thinkMs >= 0) && '--think-ms must be 0 or more',
    seed !== undefined && !Number.isInteger(seed) && '--seed must be a whole number',
  ].filter(Boolean);
  if (problems.length) {
    console.error(`${problems.join('\n')}\n${usage}`);
    process.exit(2);
  }
  return { shoppers, durationMs: minutes * 60_000, url: values.url, thinkMs, seed };
}

const line = (p: Progress) => {
  const c = p.counts;
  const seconds = p.elapsedMs / 1000;
  return (
    `${seconds.toFixed(0).padStart(4)}s  requests ${c.requests} (${(c.requests / Math.max(seconds, 0.001)).toFixed(0)}/s)  ` +
    `errors ${c.serverErrors + c.networkErrors + c.unexpected}  orders ${c.orders} (${c.paid} paid)  p99 ${p.p99Ms.toFixed(0)} ms`
  );
};

const opts = options();
console.log(`simulating ${opts.shoppers} shoppers for ${(opts.durationMs / 60_000).toString()} min against ${opts.url}`);
const tty = process.stdout.isTTY;
const summary = await simulate({
  ...opts,
  onProgress: (p) => (tty ? process.stdout.write(`\r${line(p)}   `) : console.log(line(p))),
}).catch((error: Error) => {
  console.error(`\nthe simulation could not run: ${error.message}`);
  process.exit(1);
});
if (tty) process.stdout.write('\n');

const c = summary.counts;
console.log(`
${line(summary)}
  pages ${c.pages}, searches ${c.searches}, added to cart ${c.cartAdds}, sign-ups ${c.signUps}
  orders ${c.orders}: ${c.paid} paid, ${c.declined} declined at checkout, ${c.cancelled} cancelled by the shopper
  latency p50 ${summary.p50Ms.toFixed(1)} ms, p99 ${summary.p99Ms.toFixed(1)} ms
  5xx ${c.serverErrors}, no answer ${c.networkErrors}, unexpected 4xx ${c.unexpected}, refused as part of shopping ${c.refusals} (sold out, rate limited…)
  stock accounting: ${summary.accountingErrors.length === 0 ? 'every order and every product adds up' : `${summary.accountingErrors.length} problems`}`);
for (const failure of summary.failures) console.log(`  failed: ${failure}`);
for (const problem of summary.accountingErrors) console.log(`  accounting: ${problem}`);
console.log(summary.ok ? 'OK' : 'FAILED');
process.exit(summary.ok ? 0 : 1);
