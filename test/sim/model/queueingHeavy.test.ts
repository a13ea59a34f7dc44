/** M/M/c at rho = 0.9, the heaviest load (its own file so it runs beside queueing.test.ts). */
import { describe } from 'vitest';
import { describeLoad } from './mmc.ts';

describe('M/M/c: the market reproduces queueing theory', () => {
  describeLoad(2);
});
