import pg from 'pg';
import type { Logger } from '@sophia/mcp-base';
import { connectedRoleSql, type ConnectedRole, type Database, type RawResult, type RunOptions, type StatementResult } from './database';
import { runStatement } from './transaction';

/** Every value stays PostgreSQL's text; values.ts turns it into JSON by type. */
const rawText = { getTypeParser: () => (value: string) => value };

/** Any PostgreSQL server through a pg Pool. Each call: one pooled connection, one transaction. */
export class PgDatabase implements Database {
  readonly engine = 'postgresql' as const;
  private readonly pool: pg.Pool;
  private readonly typeNames = new Map<number, string>();
  private readonly logger: Logger;
  private role: Promise<ConnectedRole> | undefined;

  constructor(connectionString: string, options: { poolSize: number; logger: Logger }) {
    this.logger = options.logger;
    this.pool = new pg.Pool({
      connectionString,
      max: options.poolSize,
      allowExitOnIdle: true,
      connectionTimeoutMillis: 10_000,
      application_name: 'postgres-mcp',
      types: rawText,
    });
    // An idle connection the server drops (restart, failover) must not crash the process.
    this.pool.on('error', (error) => options.logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  }

  async run(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      // Read on the first connection (the readiness probe's), so a privileged DATABASE_URL is logged at start.
      if (!this.role) await this.readRole(client).catch(() => undefined);
      await client.query(options.readOnly ? 'BEGIN READ ONLY' : 'BEGIN READ WRITE');
      const query = async (text: string, values: readonly unknown[]): Promise<RawResult> => {
        // queryMode 'extended': parse/bind/execute, so the server itself refuses a second statement.
        const result = await client.query({ text, values: [...values], rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig);
        return {
          command: result.command,
          fields: result.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
          rows: result.rows as (string | null)[][],
          rowCount: result.rowCount,
        };
      };
      const result = await runStatement(query, this.typeNames, sql, params, options);
      await client.query(options.readOnly || options.rollback ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  connectedRole(): Promise<ConnectedRole> {
    return this.role ?? this.readRole(this.pool);
  }

  /** Reads the role once and remembers it; a failure is forgotten, so the next call asks again. */
  private readRole(connection: pg.Pool | pg.PoolClient): Promise<ConnectedRole> {
    this.role ??= connection.query<Record<string, string>>(connectedRoleSql).then(
      ({ rows: [row] }) => {
        const role = {
          name: String(row['name']),
          superuser: row['rolsuper'] === 't',
          replication: row['rolreplication'] === 't',
          bypassRls: row['rolbypassrls'] === 't',
        };
        if (role.superuser || role.replication || role.bypassRls) {
          this.logger.warn({ role }, 'DATABASE_URL connects as a privileged PostgreSQL role: connect as a role with only the privileges the tools need');
        }
        return role;
      },
      (error: unknown) => {
        this.role = undefined;
        throw error;
      },
    );
    return this.role;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
