import { parseServerManifest } from '@sophia/mcp-manifest';
import { credentialFacts, readAppManifest, withoutCredentials } from '../src/app-manifest';

const manifest = (extra: Record<string, unknown>) =>
  parseServerManifest({ name: 'x-mcp', title: 'X', description: 'X.', port: 9099, ...extra });

describe('credentials from the manifest', () => {
  const keyPairOrToken = manifest({
    env: {
      X_ACCOUNT: { description: 'Account.', required: true, esc: true },
      X_USER: { description: 'User.' },
      X_KEY: { description: 'Key.', secret: true },
      X_TOKEN: { description: 'Token.', secret: true },
      X_PASSPHRASE: { description: 'Passphrase.', secret: true },
      X_TIMEOUT_MS: { description: 'Timeout.', default: '1000' },
    },
    credentials: [
      { name: 'key pair', env: ['X_USER', 'X_KEY'] },
      { name: 'token', env: ['X_TOKEN'] },
    ],
  });

  it('names every required variable and every alternative, and drops every credential from an env', () => {
    expect(credentialFacts(keyPairOrToken)).toEqual({
      credentialEnv: ['X_KEY', 'X_TOKEN', 'X_PASSPHRASE', 'X_ACCOUNT', 'X_USER'],
      mustName: ['X_ACCOUNT', 'X_USER', 'X_KEY', 'X_TOKEN'],
      needsConfiguration: true,
    });
    const env = { X_ACCOUNT: 'a', X_USER: 'u', X_KEY: 'k', X_PASSPHRASE: 'p', X_TIMEOUT_MS: '5', MCP_READ_ONLY: 'true' };
    expect(withoutCredentials(env, keyPairOrToken)).toEqual({ X_TIMEOUT_MS: '5', MCP_READ_ONLY: 'true' });
  });

  it('needs nothing named when every secret is optional', () => {
    const optional = manifest({ env: { DATABASE_URL: { description: 'PostgreSQL URL; unset: embedded.', secret: true } } });
    expect(credentialFacts(optional)).toEqual({ credentialEnv: ['DATABASE_URL'], mustName: [], needsConfiguration: false });
  });

  it("reads an app's manifest from apps/<app>/mcp-server.json", () => {
    expect(readAppManifest('github-mcp')).toMatchObject({ name: 'github-mcp', env: { GITHUB_TOKEN: { secret: true, required: true } } });
  });
});
