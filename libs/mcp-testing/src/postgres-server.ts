import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './http-harness';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, throwaway). */
  url: string;
  port: number;
  /** Stops the server and deletes its directory. */
  stop: () => Promise<void>;
}

export interface PostgresServerOptions {
  /** Extra server settings, passed as `-c name=value` (e.g. shared_preload_libraries). */
  settings?: Record<string, string>;
}

const INSTALL = 'apt-get install -y postgresql (Debian/Ubuntu; as root or with sudo)';

/** initdb, pg_ctl and postgres: $POSTGRES_BIN_DIR, then Debian's newest /usr/lib/postgresql/<v>/bin, then PATH. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env['POSTGRES_BIN_DIR']) candidates.push(process.env['POSTGRES_BIN_DIR']);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, version, 'bin'));
  }
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir) candidates.push(dir);
  const found = candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))));
  if (!found) {
    throw new Error(`PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Install them: ${INSTALL}`);
  }
  return found;
}

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free 127.0.0.1
 * port, wait until it accepts connections. As root, everything runs as the `postgres` OS user
 * (created when missing), since PostgreSQL refuses to run as root. One per test file:
 * `const pg = await startPostgresServer(); … await pg.stop();`
 */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'mcp-postgres-'));
  const dataDir = join(dir, 'data');
  if (asRoot) {
    ensurePostgresUser();
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      fsync: 'off',
      full_page_writes: 'off',
      synchronous_commit: 'off',
      ...options.settings,
    };
    const serverArgs = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    // -w: pg_ctl waits until the server accepts connections.
    run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', serverArgs, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function ensurePostgresUser(): void {
  if (spawnSync('id', ['-u', 'postgres']).status === 0) return;
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  if (created.status !== 0) throw new Error(`could not create the postgres OS user: ${String(created.stderr)}`);
}
