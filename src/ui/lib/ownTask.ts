/**
 * UI work spread over tasks: each queued function runs in a task of its own (a timer tick), the
 * urgent ones first, so many small redraws never add up to one long task that freezes the page.
 * (Ten charts redrawing their Monte Carlo bands together took 100-200 ms in one go as each run
 * finished; one chart per task is 10-20 ms each.)
 */
const urgent: (() => void)[] = [];
const normal: (() => void)[] = [];
let scheduled = false;

function tick(): void {
  scheduled = false;
  const fn = urgent.shift() ?? normal.shift();
  if (urgent.length + normal.length > 0) schedule();
  fn?.();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(tick, 0);
}

/** Runs fn in a task of its own, after those queued before it (urgent ones before any other); returns a cancel function. */
export function inOwnTask(fn: () => void, isUrgent = false): () => void {
  const q = isUrgent ? urgent : normal;
  let done = false;
  const wrapped = () => {
    done = true;
    fn();
  };
  q.push(wrapped);
  schedule();
  return () => {
    if (done) return;
    const i = q.indexOf(wrapped);
    if (i >= 0) q.splice(i, 1);
  };
}
