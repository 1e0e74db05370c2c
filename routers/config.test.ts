// Configuration read from the environment: the defaults a fresh checkout runs on, and
// one readable line for each mistake.
import { describe, expect, it } from 'bun:test';
import { ConfigError, readConfig } from './config.ts';

describe('configuration', () => {
  it('runs development on port 3000 and the embedded database file when nothing is set', () => {
    const config = readConfig({}, 'development');
    expect(config).toMatchObject({ mode: 'development', port: 3000, databaseUrl: 'file:./data/gomall.db', lowStockThreshold: 5 });
    expect(config.databaseAuthToken).toBeUndefined();
    expect(config.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes the port, database, token, threshold and admin from the environment, and treats empty values as unset', () => {
    const config = readConfig(
      { PORT: '8080', DATABASE_URL: 'libsql://shop.example.turso.io', DATABASE_AUTH_TOKEN: 'token', LOW_STOCK_THRESHOLD: '2', ADMIN_EMAIL: ' Boss@Example.com ', ADMIN_PASSWORD: 'long enough' },
      'development',
    );
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'libsql://shop.example.turso.io', databaseAuthToken: 'token', lowStockThreshold: 2, adminEmail: 'boss@example.com', adminPassword: 'long enough' });
    expect(readConfig({ PORT: '', DATABASE_URL: '', LOW_STOCK_THRESHOLD: '' }, 'development')).toMatchObject({ port: 3000, databaseUrl: 'file:./data/gomall.db', lowStockThreshold: 5 });
  });

  it('names the setting that is wrong', () => {
    expect(() => readConfig({ PORT: 'http' })).toThrow(new ConfigError('PORT must be a non-negative integer (got "http")'));
    expect(() => readConfig({ LOW_STOCK_THRESHOLD: '-1' })).toThrow(/LOW_STOCK_THRESHOLD must be a non-negative integer/);
    expect(() => readConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be set to at least 32 characters/);
    expect(() => readConfig({ ADMIN_PASSWORD: 'short' })).toThrow('ADMIN_PASSWORD must be 8 to 128 characters');
  });

  it('refuses a DATABASE_URL it cannot use, saying which schemes work', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://localhost/shop' })).toThrow(/file: libsql: http: https:/);
  });
});
