/**
 * Erlang A: the M/M/c+M queue, an M/M/c queue whose waiting customers each give up after an
 * exponential patience (rate theta) — the market when tenants leave for the cloud. Unlike M/M/c it
 * is stable at any load: the queue sheds arrivals through abandonment, so overload has an exact
 * answer too.
 *
 * Method: the number in system is a birth-death chain, births lambda, deaths min(n, c) mu +
 * max(0, n - c) theta; its stationary distribution pi is computed by the product of rate ratios and
 * cut off once the terms are negligible (the death rate grows linearly past c, so they fall off
 * faster than geometrically). Arrivals see pi (PASTA). An arrival that finds n >= c waits at
 * position k = n - c + 1; in each position the next event (a service among the c busy servers, one
 * of the k - 1 customers ahead giving up, or itself giving up) comes at rate c mu + k theta, so
 *   P(served | k)              = prod_{j=1..k} (c mu + (j - 1) theta) / (c mu + j theta) = c mu / (c mu + k theta)
 *   E[wait; served | k]        = P(served | k) * sum_{j=1..k} 1 / (c mu + j theta)
 * (a competing-exponentials stage lasts the same whichever event ends it). Everything here is
 * arithmetic only (no log or exp), so it gives the same bits in every JavaScript engine.
 */

export interface ErlangA {
  /** P(an arrival waits at all): all servers busy on arrival. */
  pWait: number;
  /** P(an arrival gives up before service). */
  pAbandon: number;
  /** Mean wait in queue of the arrivals that are served, h (0 for those served at once included). */
  meanWaitServedHours: number;
  /** Time-average number waiting (not in service). */
  meanQueue: number;
  /** Time-average busy servers / c. */
  utilization: number;
}

/** Terms below this share of the running total end the sum (well under a double's precision). */
const NEGLIGIBLE = 1e-18;
/** Rescale the unnormalized terms past this to keep them finite (a^c / c! overflows for large c). */
const HUGE = 1e200;

/**
 * Steady state of M/M/c+M with c servers, arrival rate lambda, service rate mu and abandonment rate
 * theta (per waiting customer), all per hour. theta = 0 is M/M/c, which needs lambda < c mu.
 */
export function erlangA(c: number, lambda: number, mu: number, theta: number): ErlangA {
  if (!(Number.isInteger(c) && c >= 1)) throw new Error(`Erlang A: c must be a whole number of servers >= 1, got ${c}`);
  if (!(lambda > 0 && mu > 0 && theta >= 0)) throw new Error(`Erlang A: need lambda > 0, mu > 0, theta >= 0 (got ${lambda}, ${mu}, ${theta})`);
  if (theta === 0 && !(lambda < c * mu)) throw new Error(`Erlang A: with no abandonment the queue is unstable at lambda=${lambda} >= c mu=${c * mu}`);
  const cmu = c * mu;
  // Accumulated over n (unnormalized weights w_n, rescaled together when they grow large):
  let w = 1; // w_0
  let total = 1;
  let busy = 0; // sum min(n, c) w_n
  for (let n = 1; n <= c; n++) {
    w *= lambda / (n * mu);
    total += w;
    busy += n * w;
    if (w > HUGE) {
      w /= HUGE;
      total /= HUGE;
      busy /= HUGE;
    }
  }
  // n >= c: an arrival waits. Terms from n = c on (w currently holds w_c).
  let waitW = 0; // sum_{n>=c} w_n
  let abandonW = 0; // sum_{n>=c} w_n (1 - P(served | k))
  let servedWaitW = 0; // sum_{n>=c} w_n E[wait; served | k]
  let queueW = 0; // sum_{n>c} (n - c) w_n
  let harmonic = 0; // sum_{j=1..k} 1 / (c mu + j theta)
  for (let k = 1; ; k++) {
    // w holds w_n with n = c + k - 1, the state an arrival waiting at position k finds
    const n = c + k - 1;
    const rate = cmu + k * theta;
    harmonic += 1 / rate;
    const served = cmu / rate;
    waitW += w;
    abandonW += w * (1 - served);
    servedWaitW += w * served * harmonic;
    if (n > c) {
      queueW += (n - c) * w;
      total += w;
      busy += c * w;
    }
    const next = w * (lambda / (cmu + (n + 1 - c) * theta));
    // 0: the weights underflowed (many more servers than the load: w_c is below 1e-308 of w_0), and
    // every later one is 0 too; without it the sum ran to its limit and threw (c = 2000, lambda = 120)
    if (next === 0 || (next < NEGLIGIBLE * total && next < w)) break;
    if (k > 1e7) throw new Error(`Erlang A: the sum did not converge (c=${c}, lambda=${lambda}, mu=${mu}, theta=${theta})`);
    w = next;
    if (w > HUGE) {
      // overload with slow abandonment: the weights grow for a while past c
      w /= HUGE;
      total /= HUGE;
      busy /= HUGE;
      waitW /= HUGE;
      abandonW /= HUGE;
      servedWaitW /= HUGE;
      queueW /= HUGE;
    }
  }
  const pWait = waitW / total;
  const pAbandon = abandonW / total;
  return {
    pWait,
    pAbandon,
    meanWaitServedHours: servedWaitW / total / (1 - pAbandon),
    meanQueue: queueW / total,
    utilization: busy / total / c,
  };
}
