// The embedded database's worker thread: its own bundle entry (pglite-worker.js next to main.js), see @sophia/pglite-worker.
import { servePgliteWorker } from '@sophia/pglite-worker/thread';

servePgliteWorker();
