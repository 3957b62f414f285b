/** Timing helpers: percentiles over many runs of distinct inputs. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export async function timeEach<T>(
  inputs: T[],
  fn: (input: T) => unknown,
): Promise<{ p50: number; p99: number; mean: number }> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    await fn(input);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

export const us = (x: number) => `${x.toFixed(1)} µs`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
