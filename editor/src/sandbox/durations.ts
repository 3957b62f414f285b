import type { TFunction } from 'i18next';
import { DURATION_UNIT_MS, MAX_DURATION_MS, stepDurationMs } from '../../../rules-schema/index.js';

const { d: DAY, h: HOUR, m: MINUTE, s: SECOND, ms: MS } = DURATION_UNIT_MS;
const UNITS = (['d', 'h', 'm', 's'] as const).map((suffix) => [suffix, DURATION_UNIT_MS[suffix]] as const);

/**
 * A duration in the sandbox's step syntax (`after`), largest units first.
 * @example toDurationSpec(47 * 3600_000 + 50 * 60_000) // '47h50m'
 */
export function toDurationSpec(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  let out = '';
  // Days are written as hours up to 2 d, so '47h50m' and '48h' read as the operator typed them.
  for (const [suffix, size] of UNITS) {
    if (suffix === 'd' && rest <= 2 * DAY) continue;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${suffix}`;
    rest -= n * size;
  }
  if (rest > 0) out += `${rest}ms`;
  return out || '0s';
}

/** Reads the step syntax back into milliseconds; null when it is not one. */
export function parseDurationSpec(spec: string): number | null {
  return stepDurationMs(spec.trim());
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

/** The unit words an operator types, in English and Chinese, longest first so `min` wins over `m`. */
const TYPED_UNITS: [word: string, ms: number][] = [
  ['milliseconds', MS],
  ['millisecond', MS],
  ['ms', MS],
  ['毫秒', MS],
  ['days', DAY],
  ['day', DAY],
  ['d', DAY],
  ['天', DAY],
  ['日', DAY],
  ['hours', HOUR],
  ['hour', HOUR],
  ['hrs', HOUR],
  ['hr', HOUR],
  ['h', HOUR],
  ['小时', HOUR],
  ['钟头', HOUR],
  ['时', HOUR],
  ['minutes', MINUTE],
  ['minute', MINUTE],
  ['mins', MINUTE],
  ['min', MINUTE],
  ['m', MINUTE],
  ['分钟', MINUTE],
  ['分', MINUTE],
  ['seconds', SECOND],
  ['second', SECOND],
  ['secs', SECOND],
  ['sec', SECOND],
  ['s', SECOND],
  ['秒钟', SECOND],
  ['秒', SECOND],
];
const TYPED_PART = new RegExp(`([0-9]+)\\s*(${TYPED_UNITS.map(([w]) => w).join('|')})`, 'giy');

/**
 * A duration typed in one go, in the step syntax or in words: `47h59m`, `47小时59分`, `2d`,
 * `1天2小时`, `30s`, `10 min`. Null when any part of it is not a number with a unit, or the sum is 0
 * or more than the sandbox accepts.
 * @example parseTypedDuration('47小时59分') // 172_740_000
 */
export function parseTypedDuration(text: string): number | null {
  const input = text.trim().normalize('NFKC');
  if (!input) return null;
  let total = 0;
  let at = 0;
  TYPED_PART.lastIndex = 0;
  // Sticky matching walks the text part by part: anything between parts (other than spaces) refuses it.
  while (at < input.length) {
    while (input[at] === ' ') at++;
    if (at >= input.length) break;
    TYPED_PART.lastIndex = at;
    const m = TYPED_PART.exec(input);
    if (!m) return null;
    total += Number(m[1]) * (TYPED_UNITS.find(([w]) => w === m[2]?.toLowerCase())?.[1] ?? 0);
    at = TYPED_PART.lastIndex;
  }
  return total > 0 && total <= MAX_DURATION_MS ? total : null;
}

/**
 * An instant as the operator reads it, on the account zone's clock: `12月2日 周三 08:59`, `Wed, Dec 2 08:59`.
 * Assembled from parts so it reads the same whatever the ICU data's default pattern.
 */
export function formatInstant(iso: string, language: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zh = language.startsWith('zh');
  const parts = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-US', {
    timeZone,
    month: zh ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour').padStart(2, '0')}:${part('minute')}`;
  return zh
    ? `${part('month')}月${part('day')}日 ${part('weekday')} ${time}`
    : `${part('weekday')}, ${part('month')} ${part('day')} ${time}`;
}
