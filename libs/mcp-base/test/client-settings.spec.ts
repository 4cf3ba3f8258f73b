import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, createRuntime } from '../src';
import { ClientRateLimits } from '../src/limits/client-rate-limit';
import { echoApp } from './echo-app';

const build = (env: Record<string, string>) =>
  createRuntime(echoApp, { env: { LOG_LEVEL: 'silent', ECHO_TOKEN: 'x', ...env }, defaultMetrics: false });
const A = 'a'.repeat(32);
const B = 'b'.repeat(40);

describe('MCP_AUTH_TOKENS', () => {
  it('names one identity per name:token pair, MCP_AUTH_TOKEN being "default"', async () => {
    const { config } = await build({ MCP_AUTH_TOKEN: `${'d'.repeat(32)}`, MCP_AUTH_TOKENS: ` ci:${A} , alice.laptop:${B} ` });
    expect(config.clientTokens).toEqual([
      { name: 'default', token: 'd'.repeat(32) },
      { name: 'ci', token: A },
      { name: 'alice.laptop', token: B },
    ]);
  });

  it('is enough to bind beyond loopback', async () => {
    await expect(build({ MCP_HOST: '0.0.0.0', MCP_AUTH_TOKENS: `ci:${A}` })).resolves.toBeDefined();
  });

  it('refuses malformed, short, reserved and repeated entries, naming them without their tokens', async () => {
    const cases: Array<[string, string]> = [
      [`ci${A}`, 'entry 1: expected name:token'],
      [`ci:${A},:${B}`, 'entry 2: expected name:token'],
      [`c i:${A}`, 'entry 1 ("c i"): the name may hold letters, digits'],
      [`default:${A}`, 'entry 1 ("default"): "default" is reserved'],
      [`anonymous:${A}`, 'entry 1 ("anonymous"): "anonymous" is reserved'],
      ['ci:short-secret', 'entry 1 ("ci"): the token is 12 characters; it must be at least 32'],
      [`ci:${A},ci:${B}`, 'entry 2 ("ci"): the name is used twice'],
      [`ci:${A},cd:${A}`, 'entry 2 ("cd"): the token is used by another name too'],
    ];
    for (const [value, message] of cases) {
      const attempt = build({ MCP_AUTH_TOKENS: value });
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      await expect(attempt).rejects.toThrow(`MCP_AUTH_TOKENS: ${message}`);
      await expect(attempt).rejects.not.toThrow(/short-secret|aaaa|bbbb/);
    }
    await expect(build({ MCP_AUTH_TOKEN: A, MCP_AUTH_TOKENS: `ci:${A}` })).rejects.toThrow(
      'A token in MCP_AUTH_TOKENS equals MCP_AUTH_TOKEN: give each client its own token.',
    );
  });

});

describe('MCP_CLIENT_RATE_LIMIT and the audit settings', () => {
  it('reads read/write rates in s, min or h; unset is no limit', async () => {
    expect((await build({ MCP_CLIENT_RATE_LIMIT: 'read=120/min, write=20/h' })).config.clientRateLimit).toEqual({
      read: { calls: 120, per: 'minute' },
      write: { calls: 20, per: 'hour' },
    });
    expect((await build({ MCP_CLIENT_RATE_LIMIT: 'WRITE=5/s' })).config.clientRateLimit).toEqual({ write: { calls: 5, per: 'second' } });
    expect((await build({})).config.clientRateLimit).toEqual({});
  });

  it('refuses what it cannot read', async () => {
    for (const value of ['read=120', 'read=0/min', 'reads=1/min', 'read=1/week', 'read=1/min,read=2/min', 'read=1.5/min']) {
      await expect(build({ MCP_CLIENT_RATE_LIMIT: value })).rejects.toThrow(/MCP_CLIENT_RATE_LIMIT: ".*": expected read=N\/min or write=N\/min/);
    }
  });

  it('audits to stdout at LOG_LEVEL by default; MCP_AUDIT_LOG=off, a path, MCP_AUDIT_LEVEL change that', async () => {
    expect((await build({ LOG_LEVEL: 'warn' })).config.audit).toEqual({ destination: 'stdout', level: 'warn' });
    expect((await build({ MCP_AUDIT_LOG: 'OFF' })).config.audit.destination).toBe('off');
    expect((await build({ MCP_AUDIT_LOG: '/var/log/mcp/audit.log', MCP_AUDIT_LEVEL: 'info' })).config.audit).toEqual({
      destination: { file: '/var/log/mcp/audit.log' },
      level: 'info',
    });
  });

  it('stops at start, saying so, when the audit file cannot be opened', async () => {
    const attempt = build({ LOG_LEVEL: 'info', MCP_AUDIT_LOG: '/dev/null/audit.log' });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/^MCP_AUDIT_LOG=\/dev\/null\/audit.log cannot be opened for appending \(.+\)\. Point it at a writable file, or set stdout or off\.$/);
  });
});

describe('the per-client token bucket', () => {
  const read = { name: 'echo', annotations: { readOnlyHint: true } };

  it('lets a client burst its allowance, then refills it evenly, one bucket per client', async () => {
    const limits = new ClientRateLimits({ read: { calls: 2, per: 'second' } });
    expect([limits.refuse('a', read), limits.refuse('a', read)]).toEqual([undefined, undefined]);
    expect(limits.refuse('a', read)?.toText()).toMatch(/^rate_limited: .* Retry after 1s\.$/);
    expect(limits.refuse('b', read)).toBeUndefined();
    // 2 per second drip one call back every 500 ms (a fixed one-second window would still refuse here).
    await sleep(600);
    expect(limits.refuse('a', read)).toBeUndefined();
  });
});
