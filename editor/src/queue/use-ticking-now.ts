import { useSyncExternalStore } from 'react';

/** One clock for every countdown on screen: a single timer, running only while someone watches. */
const TICK_MS = 1000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * A value derived from the current time, re-read once a second. A component re-renders only
 * when what it selects changes: a countdown every second, a row's "closes within the hour"
 * flag once, when it flips, so the list around them is left alone.
 * @example const secondsLeft = useTickingNow((t) => Math.floor((deadline - t) / 1000));
 */
export function useTickingNow<T>(select: (nowMs: number) => T): T {
  // Before anyone subscribed the shared value may be old: read the clock itself then.
  return useSyncExternalStore(subscribe, () => select(timer === null ? Date.now() : now));
}
