import type { TFunction } from 'i18next';

const UNITS: [suffix: string, ms: number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * A duration in the sandbox's step syntax (`after`), largest units first.
 * @example toDurationSpec(47 * 3600_000 + 50 * 60_000) // '47h50m'
 */
export function toDurationSpec(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  let out = '';
  // Days are written as hours up to 2 d, so '47h50m' and '48h' read as the operator typed them.
  for (const [suffix, size] of UNITS) {
    if (suffix === 'd' && rest <= 2 * 86_400_000) continue;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${suffix}`;
    rest -= n * size;
  }
  if (rest > 0) out += `${rest}ms`;
  return out || '0s';
}

/** Reads the step syntax back into milliseconds; null when it is not one. */
export function parseDurationSpec(spec: string): number | null {
  const trimmed = spec.trim();
  if (!/^(?:[0-9]+(?:ms|d|h|m|s))+$/.test(trimmed)) return null;
  let total = 0;
  for (const m of trimmed.matchAll(/([0-9]+)(ms|d|h|m|s)/g)) {
    const size = m[2] === 'ms' ? 1 : (UNITS.find(([s]) => s === m[2])?.[1] ?? 0);
    total += Number(m[1]) * size;
  }
  return total;
}

/**
 * A span in plain words: "47 小时 50 分", "3 天 3 小时", "45 秒".
 * @example formatSpan(600, t) // '10 分'
 */
export function formatSpan(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.floor(seconds));
  // Under two days, hours read better against the 48-hour window: "47 小时 50 分", not "1 天 23 小时 50 分".
  const d = s > 2 * 86_400 ? Math.floor(s / 86_400) : 0;
  const h = Math.floor((s - d * 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (d) parts.push(t('sandbox.span.d', { count: d }));
  if (h) parts.push(t('sandbox.span.h', { count: h }));
  if (m) parts.push(t('sandbox.span.m', { count: m }));
  if (sec && !d) parts.push(t('sandbox.span.s', { count: sec }));
  return parts.length ? parts.join(' ') : t('sandbox.span.s', { count: 0 });
}

/** A countdown clock, hours running past 24: `47:50:00`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A virtual instant as the operator reads it, in China time. */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
}
