// Entry of a batch worker thread (replications, sweeps): worker threads do not inherit the main thread's tsx loader,
// so each registers it before loading the TypeScript worker (src/cli/batchWorker.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
