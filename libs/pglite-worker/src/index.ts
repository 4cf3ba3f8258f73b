export type { ContribExtension } from './protocol';
export { PgliteWorker, type QueryOptions, type QueryResult, type WorkerTransaction } from './pglite-worker';
