/**
 * A batch worker thread (see batch.ts): runs each (scenario, seed) the main thread sends, one after
 * another (batchJob.ts), posting back the run's CSV and its summary figures.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './batchJob.ts';
import type { RunJob, WorkerReply } from './replicaMessages.ts';

const port = parentPort!;
port.on('message', (job: RunJob) => runJob(job, (m: WorkerReply) => port.postMessage(m)));
