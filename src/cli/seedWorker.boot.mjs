// Entry of a replication worker thread: worker threads do not inherit the main thread's tsx loader,
// so each registers it before loading the TypeScript worker (src/cli/seedWorker.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
