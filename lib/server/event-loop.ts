/**
 * How long the server's event loop was kept from running, sampled every 10 ms by perf_hooks: with inference
 * in worker threads, the worst stall while analyses run should stay in the tens of milliseconds. Started by
 * the first request any route handles; /api/health reports it (and can restart the window).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

type IntervalHistogram = ReturnType<typeof monitorEventLoopDelay>;

type MonitorStore = { __strixEventLoop?: IntervalHistogram };

export function eventLoopMonitor(): IntervalHistogram {
  const store = globalThis as typeof globalThis & MonitorStore;
  if (!store.__strixEventLoop) {
    store.__strixEventLoop = monitorEventLoopDelay({ resolution: 10 });
    store.__strixEventLoop.enable();
  }
  return store.__strixEventLoop;
}

export interface EventLoopStats {
  /** Worst delay seen, ms (the histogram's max; the 10 ms sampling interval is already subtracted). */
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** Seconds the window covers. */
  windowSeconds: number;
}

let windowStarted = performance.now();

export function eventLoopStats(reset = false): EventLoopStats {
  const histogram = eventLoopMonitor();
  const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;
  const stats = {
    maxMs: ms(histogram.max),
    p99Ms: ms(histogram.percentile(99)),
    meanMs: ms(histogram.mean),
    windowSeconds: Math.round((performance.now() - windowStarted) / 100) / 10,
  };
  if (reset) {
    histogram.reset();
    windowStarted = performance.now();
  }
  return stats;
}
