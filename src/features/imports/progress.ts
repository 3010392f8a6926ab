/** How far an import is: items done of the total, the rate so far and the time left at that rate. */
export interface ImportProgress {
  done: number;
  total: number;
  perSecond: number;
  secondsLeft: number | null;
}

/** Counts items and reports progress through `report` (the caller decides how often to show it). */
export function progressCounter(total: number, report: ((p: ImportProgress) => void) | undefined, started = performance.now()) {
  let done = 0;
  return () => {
    done++;
    if (!report) return;
    const seconds = (performance.now() - started) / 1000;
    const perSecond = seconds > 0 ? done / seconds : 0;
    report({ done, total, perSecond, secondsLeft: perSecond > 0 ? Math.max(0, (total - done) / perSecond) : null });
  };
}
