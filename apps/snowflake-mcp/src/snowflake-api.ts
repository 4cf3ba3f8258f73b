import { randomUUID } from 'node:crypto';
import { isToolError, ToolError, type UpstreamClient, type UpstreamRequest } from '@sophia/mcp-base';
import type { CredentialSource } from './auth';
import { convertCell, type ResultSet, type RowType } from './result-set';

/** Session context of a statement; unset fields fall back to the user's defaults in Snowflake. */
export interface StatementContext {
  database?: string;
  schema?: string;
  warehouse?: string;
  role?: string;
}

/** The 202 body while a statement runs (code 333334 for async execution). */
interface QueryStatus {
  code?: string;
  message?: string;
  statementHandle: string;
  statementStatusUrl?: string;
}

export type StatementOutcome =
  | { state: 'done'; result: ResultSet }
  | { state: 'running'; statementHandle: string; message?: string };

export interface SnowflakeApiSettings {
  defaults: StatementContext;
  statementTimeoutSeconds: number;
  maxWaitMs: number;
  pollIntervalMs: number;
  userAgent: string;
}

const STATEMENTS = 'api/v2/statements';

/**
 * The Snowflake SQL API v2 on top of the base's UpstreamClient: submits one statement
 * (MULTI_STATEMENT_COUNT=1, asynchronously, then polls its status until it finishes or
 * the wait runs out), reads result partitions and cancels. HTTP failures are already
 * ToolErrors with Snowflake's own message; a 401 also drops the cached JWT.
 */
export class SnowflakeApi {
  constructor(
    private readonly http: UpstreamClient,
    private readonly auth: CredentialSource,
    private readonly settings: SnowflakeApiSettings,
  ) {}

  /** Runs one statement; waits up to SNOWFLAKE_MAX_WAIT_MS, then hands back its handle. */
  async execute(sql: string, context: StatementContext, signal: AbortSignal): Promise<StatementOutcome> {
    const merged = { ...this.settings.defaults, ...definedOnly(context) };
    const answer = await this.call<ResultSet | QueryStatus>('post', STATEMENTS, {
      searchParams: { requestId: randomUUID(), async: 'true' },
      json: {
        statement: sql,
        timeout: this.settings.statementTimeoutSeconds,
        ...definedOnly(merged),
        parameters: { MULTI_STATEMENT_COUNT: '1' },
      },
      signal,
    });
    return this.waitFor(answer, signal);
  }

  /** The statement's status now: finished (with partition 0) or still running. */
  async status(statementHandle: string, signal: AbortSignal): Promise<StatementOutcome> {
    return outcomeOf(await this.call<ResultSet | QueryStatus>('get', statementPath(statementHandle), { signal }), statementHandle);
  }

  /** The rows of one result partition (partitions after the first carry only `data`). */
  async partition(statementHandle: string, partition: number, signal: AbortSignal): Promise<ResultSet> {
    const answer = await this.call<ResultSet | QueryStatus>('get', statementPath(statementHandle), {
      searchParams: { partition: String(partition) },
      signal,
    });
    const outcome = outcomeOf(answer, statementHandle);
    if (outcome.state === 'running') {
      throw new ToolError('conflict', `statement ${statementHandle} is still running; its results are not ready yet.`);
    }
    return outcome.result;
  }

  /** One non-streaming Cortex Analyst turn: POST /api/v2/cortex/analyst/message. */
  async analystMessage<T>(body: Record<string, unknown>, signal: AbortSignal): Promise<T> {
    return this.call<T>('post', 'api/v2/cortex/analyst/message', { json: body, signal });
  }

  async cancel(statementHandle: string, signal: AbortSignal): Promise<QueryStatus> {
    return this.call<QueryStatus>('post', `${statementPath(statementHandle)}/cancel`, { signal });
  }

  /**
   * A finished statement's rows as records keyed by lowercase column name (raw strings), for
   * SHOW/DESCRIBE in the catalog tools. A statement that outlasts the wait is an error naming its handle.
   */
  async records(sql: string, signal: AbortSignal): Promise<Record<string, string | null>[]> {
    const outcome = await this.execute(sql, {}, signal);
    if (outcome.state === 'running') {
      throw new ToolError(
        'timeout',
        `Snowflake is still running ${sql.split(' ').slice(0, 2).join(' ')} (statement ${outcome.statementHandle}); ` +
          'check it with get_query_status.',
      );
    }
    const rowType = outcome.result.resultSetMetaData?.rowType ?? [];
    return (outcome.result.data ?? []).map((row) =>
      Object.fromEntries(rowType.map((column, index) => [column.name.toLowerCase(), recordCell(row[index] ?? null, column)])),
    );
  }

  private async waitFor(first: ResultSet | QueryStatus, signal: AbortSignal): Promise<StatementOutcome> {
    let outcome = outcomeOf(first, first.statementHandle);
    const deadline = Date.now() + this.settings.maxWaitMs;
    let delay = this.settings.pollIntervalMs;
    while (outcome.state === 'running' && Date.now() + delay <= deadline) {
      await sleep(delay, signal);
      delay = Math.min(delay * 2, 2_000);
      outcome = await this.status(outcome.statementHandle, signal);
    }
    return outcome;
  }

  private async call<T>(method: 'get' | 'post', path: string, request: UpstreamRequest): Promise<T> {
    const credentials = await this.auth.credentials();
    const headers: Record<string, string> = {
      authorization: credentials.authorization,
      accept: 'application/json',
      'user-agent': this.settings.userAgent,
    };
    if (credentials.tokenType) headers['x-snowflake-authorization-token-type'] = credentials.tokenType;
    try {
      return await this.http.request<T>(method, path, { ...request, headers });
    } catch (error) {
      if (isToolError(error) && error.kind === 'unauthorized') this.auth.invalidate();
      throw error;
    }
  }
}

function outcomeOf(answer: ResultSet | QueryStatus, statementHandle: string): StatementOutcome {
  if ('resultSetMetaData' in answer || 'data' in answer) {
    return { state: 'done', result: { ...answer, statementHandle: answer.statementHandle ?? statementHandle } };
  }
  return { state: 'running', statementHandle: answer.statementHandle ?? statementHandle, message: answer.message };
}

/** SHOW's created_on and other dates/timestamps arrive as epoch numbers; records carry them as ISO text like run_query. */
function recordCell(value: string | null, column: RowType): string | null {
  if (value === null || !/^(date|timestamp_(ntz|ltz|tz))$/i.test(column.type)) return value;
  const converted = convertCell(value, column, Number.MAX_SAFE_INTEGER);
  return typeof converted === 'string' ? converted : value;
}

function statementPath(statementHandle: string): string {
  return `${STATEMENTS}/${encodeURIComponent(statementHandle)}`;
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
