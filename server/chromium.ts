// Which headless Chromium we start and with which flags: the browser tests
// (server/testing/browser.ts) and `npm run lighthouse` use the same one.
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // Without these, Chromium keeps reaching for Google's hosts, which this network refuses.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A system Chromium (CHROMIUM_PATH, else Debian's) when there is one; otherwise the
 * one `npm install` brings (@sparticuz/chromium carries it compressed and unpacks it
 * to the temp folder on first use), so `npm install && npm test` needs nothing else.
 */
export async function chromiumPath(): Promise<string> {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  // Its own launch args are for AWS Lambda (--single-process: closing a page context would end the browser).
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}
