/**
 * A batch sink that keeps each run's summary figures by its place in the batch, for what the long
 * CSV's sidecar says once every run is in (the summary, crossings, Sobol indices). Writes nothing.
 */
import type { RunSink } from './batch.ts';
import type { RunFigures } from './replicaMessages.ts';

export class FigureCollector implements RunSink {
  readonly figures: RunFigures[] = [];
  add(run: number, r: { figures: RunFigures }): void {
    this.figures[run] = r.figures;
  }
  publish(): void {}
  discard(): void {}
}
