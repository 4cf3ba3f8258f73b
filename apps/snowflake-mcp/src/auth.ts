import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** What goes on every request: the bearer value and Snowflake's token-type header. */
export interface Credentials {
  authorization: string;
  tokenType?: 'KEYPAIR_JWT' | 'PROGRAMMATIC_ACCESS_TOKEN' | 'OAUTH';
}

export interface CredentialSource {
  credentials(): Promise<Credentials>;
  /** Called after a 401: the next request mints a fresh token. */
  invalidate(): void;
}

/** A programmatic access token or OAuth token, used as is. */
export function staticToken(token: string, tokenType?: 'PROGRAMMATIC_ACCESS_TOKEN' | 'OAUTH'): CredentialSource {
  return {
    credentials: async () => ({ authorization: `Bearer ${token}`, tokenType }),
    invalidate: () => undefined,
  };
}

/** Snowflake rejects key-pair JWTs that live longer than an hour. */
export const JWT_LIFETIME_SECONDS = 59 * 60;
/** A cached JWT is replaced this long before it expires. */
const RENEW_BEFORE_SECONDS = 5 * 60;

/**
 * The account part of the JWT's iss/sub: uppercase, without region, cloud or domain
 * (`xy12345.us-east-2.aws` → `XY12345`); an org-account name (`myorg-acct`) stays whole
 * except for a replication `.global` identifier, which is cut at its first hyphen.
 * Mirrors the JWT generator in Snowflake's key-pair documentation.
 */
export function jwtAccountName(account: string): string {
  const cut = account.includes('.global') ? account.split('-')[0] : account.split('.')[0];
  return (cut ?? account).toUpperCase();
}

/** `SHA256:<base64 of the SHA-256 of the public key's DER SubjectPublicKeyInfo>`, as DESCRIBE USER shows it. */
export function publicKeyFingerprint(privateKey: KeyObject): string {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64')}`;
}

/** Reads a PKCS#8 PEM (env vars often carry `\n` escapes), decrypting it with the passphrase if given. */
export function readPrivateKey(pem: string, passphrase?: string): KeyObject {
  const text = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
  return createPrivateKey({ key: text, format: 'pem', passphrase });
}

/** Key-pair authentication: an RS256 JWT per Snowflake's rules, cached until shortly before it expires. */
export function keyPairJwt(options: {
  account: string;
  user: string;
  privateKey: KeyObject;
  now?: () => number;
}): CredentialSource {
  const qualifiedUser = `${jwtAccountName(options.account)}.${options.user.toUpperCase()}`;
  const issuer = `${qualifiedUser}.${publicKeyFingerprint(options.privateKey)}`;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let cached: { token: string; expiresAt: number } | undefined;

  return {
    credentials: async () => {
      const issuedAt = now();
      if (!cached || issuedAt >= cached.expiresAt - RENEW_BEFORE_SECONDS) {
        const expiresAt = issuedAt + JWT_LIFETIME_SECONDS;
        const token = await new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
          .setIssuer(issuer)
          .setSubject(qualifiedUser)
          .setIssuedAt(issuedAt)
          .setExpirationTime(expiresAt)
          .sign(options.privateKey);
        cached = { token, expiresAt };
      }
      return { authorization: `Bearer ${cached.token}`, tokenType: 'KEYPAIR_JWT' };
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
