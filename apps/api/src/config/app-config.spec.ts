import path from 'node:path';
import { ConfigError, loadConfig, redactDatabaseUrl } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to port 3000, loopback, embedded PostgreSQL and demo data', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, demoData: true, logLevel: 'info' });
    expect(sut.dataDir).toBe(path.resolve('.data'));
  });

  it('turns demo data off by default in production, with a DATABASE_URL, or when setting up an administrator', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/relief' }).demoData).toBe(false);
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'long-enough-password' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/relief', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('trusts one proxy for TRUST_PROXY=true, never every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.6' }).trustProxy).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
  });

  it('reads PORT', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });

  it('takes PORT=0 as any free port', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each(['abc', '70000', '80.5', '-1'])('refuses PORT=%s in one line', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(new ConfigError(`PORT must be a port number from 0 to 65535 (got "${port}")`));
  });

  it('refuses EMBEDDED_PG_PORT=0', () => {
    expect(() => loadConfig({ EMBEDDED_PG_PORT: '0' })).toThrow(/EMBEDDED_PG_PORT must be a port number from 1/);
  });

  it('refuses a DATABASE_URL that is not postgres', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/must start with postgres:\/\//);
  });

  it('refuses a DATABASE_URL that is not a URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'localhost' })).toThrow(/not a URL/);
  });

  it('refuses an unknown LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });

  it('refuses DEMO_DATA that is not a boolean', () => {
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA must be true or false/);
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password', () => {
    expect(redactDatabaseUrl('postgres://relief:s3cret@db:5432/relief')).toBe('postgres://relief:***@db:5432/relief');
  });

  it('hides a password given as a query parameter', () => {
    expect(redactDatabaseUrl('postgres://db:5432/relief?password=s3cret&user=relief')).toBe('postgres://db:5432/relief?password=***&user=relief');
  });

  it('leaves a URL without password as it is', () => {
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
});
