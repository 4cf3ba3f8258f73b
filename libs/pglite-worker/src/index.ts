export type { ContribExtension } from './protocol';
export { PgliteWorker, type QueryOptions, type QueryResult, type QueryStep, type WorkerTransaction } from './pglite-worker';
