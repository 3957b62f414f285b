import type { TFunction } from 'i18next';
import { formatSpan } from '../sandbox/durations.js';

/**
 * A share of turns as a percentage with one decimal: `0.975` → `97.5%`.
 * @example formatShare(0.9) // '90.0%'
 */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A response time in words (`3 分 20 秒`), or a dash when no turn was answered. */
export function formatSeconds(seconds: number | null, t: TFunction): string {
  return seconds === null ? '—' : formatSpan(seconds, t);
}

/**
 * A series bucket as a chart axis reads it: `2030-03-04` → `03-04`, `2030-03-04T10` → `03-04 10:00`.
 */
export function bucketLabel(bucket: string): string {
  const [day = '', hour] = bucket.split('T');
  return hour === undefined ? day.slice(5) : `${day.slice(5)} ${hour}:00`;
}
