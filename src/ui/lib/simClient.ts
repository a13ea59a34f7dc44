/**
 * The UI end of the simulation worker: creates the module worker, wraps it with comlink (typed
 * through `import type`, so no simulation code is bundled into the main thread), forwards its
 * events, and replaces it when it dies so the app recovers without a reload.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import type { ExposedApi } from '../../worker/sim.worker.ts';
import type { StartOptions, StartResult, WorkerEvent } from '../../worker/api.ts';
import { spawnSimWorker, takeEarlyWorker } from './simWorker.ts';

export type { StartResult, WorkerEvent } from '../../worker/api.ts';

export interface ClientHooks {
  onEvent(ev: WorkerEvent): void;
  /** The worker died (uncaught error, failed to load): it has already been replaced. */
  onCrash(message: string): void;
}

export class SimClient {
  private worker!: Worker;
  private api!: Remote<ExposedApi>;
  private nextRunId = 1;
  private generation = 0;

  /** `early`: take the worker the page started at load (simWorker.ts), if it is still there. */
  constructor(
    private hooks: ClientHooks,
    early = false,
  ) {
    this.spawn(early);
  }

  private spawn(early = false) {
    const gen = ++this.generation;
    this.worker = (early && takeEarlyWorker()) || spawnSimWorker();
    this.worker.addEventListener('error', (e: ErrorEvent) => {
      if (gen !== this.generation) return;
      e.preventDefault();
      const msg = e.message || 'the worker failed to load or stopped unexpectedly';
      this.respawn();
      this.hooks.onCrash(msg.replace(/^Uncaught (Error: )?/, ''));
    });
    this.worker.addEventListener('messageerror', () => {
      if (gen !== this.generation) return;
      this.respawn();
      this.hooks.onCrash('a message from the worker could not be read');
    });
    this.api = wrap<ExposedApi>(this.worker);
    const onEvent = this.hooks.onEvent;
    void this.api.subscribe(proxy((ev: WorkerEvent) => onEvent(ev)));
  }

  /** Terminates the current worker and starts a fresh one. */
  respawn(): void {
    try {
      this.api[releaseProxy]();
    } catch {
      /* already gone */
    }
    this.worker.terminate();
    this.spawn();
  }

  /** Starts a run; the returned runId tags every event of that run. */
  async start(raw: unknown, seed: number, options: Omit<StartOptions, 'runId'> = {}): Promise<StartResult> {
    const runId = this.nextRunId++;
    return this.api.start(raw, seed, { ...options, runId });
  }

  /** The runId the next start() will use (events of older runs can then be ignored). */
  peekNextRunId(): number {
    return this.nextRunId;
  }

  pause() {
    return this.api.pause();
  }
  resume() {
    return this.api.resume();
  }
  step() {
    return this.api.step();
  }
  cancel() {
    return this.api.cancel();
  }
  setSpeed(daysPerSecond: number) {
    return this.api.setSpeed(daysPerSecond);
  }
  providers() {
    return this.api.providers();
  }
  checks() {
    return this.api.checks();
  }
  /** Test hook: makes the worker throw outside any call. */
  crash() {
    return this.api.crash();
  }
  dispose(): void {
    this.worker.terminate();
  }
}
