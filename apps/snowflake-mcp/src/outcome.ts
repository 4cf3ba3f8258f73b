import { firstPageState, pageOf, type ResultPage } from './result-set';
import type { StatementOutcome } from './snowflake-api';

export interface RunningStatement {
  statementHandle: string;
  status: 'running';
  message: string;
}

/** A finished statement as its first page of rows; a running one as its handle and what to do next. */
export function presentOutcome(outcome: StatementOutcome, limit: number, maxCellChars: number): ResultPage | RunningStatement {
  if (outcome.state === 'running') {
    return {
      statementHandle: outcome.statementHandle,
      status: 'running',
      message:
        'The statement is still running in Snowflake. Call get_query_status with this statementHandle to wait for ' +
        'its result, or cancel_query to stop it.',
    };
  }
  return pageOf(outcome.result.data ?? [], firstPageState(outcome.result), limit, maxCellChars);
}
