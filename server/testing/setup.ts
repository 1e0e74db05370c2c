// Test-process setup (bunfig.toml [test] preload).
import { setDefaultTimeout } from 'bun:test';
// Under `bun test`, Error.captureStackTrace rejects libsql's SqliteError (a
// function-style Error subclass), so every SQLite error (constraint, missing
// table) would surface as "TypeError: First argument must be an Error object".
// Give such objects a plain stack instead, so tests see the real error.
const capture = Error.captureStackTrace.bind(Error);
Error.captureStackTrace = (target: object, ctor?: Function) => {
  try {
    capture(target, ctor);
  } catch {
    Object.defineProperty(target, 'stack', { value: new Error(String((target as Error).message)).stack, writable: true, configurable: true });
  }
};

// Hooks and tests that start servers, workerd or Chromium, or hash passwords, can
// outlast Bun's 5 s default on a busy 2-core machine; a hang still fails, later.
setDefaultTimeout(30_000);
