import { describe, expect, it } from 'vitest';
import { bucketLabels, formatterFor, timeBuckets } from '../../server/src/runtime/time-buckets.js';

/** The buckets as the zone's formatter gives them, with no reuse of results. */
function direct(ms: number, zone: string): { day: string; hour: string } {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts['year']}-${parts['month']}-${parts['day']}`;
  return { day, hour: `${day}T${parts['hour'] === '24' ? '00' : parts['hour']}` };
}

const ZONES = ['Asia/Shanghai', 'Asia/Kathmandu', 'Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];

describe('timeBuckets', () => {
  it('a day and an hour change at the quarter hour a +05:45 zone turns midnight', () => {
    expect(timeBuckets(Date.parse('2026-11-24T18:14:59.999Z'), 'Asia/Kathmandu')).toEqual({
      day: '2026-11-24',
      hour: '2026-11-24T23',
    });
    expect(timeBuckets(Date.parse('2026-11-24T18:15:00.000Z'), 'Asia/Kathmandu')).toEqual({
      day: '2026-11-25',
      hour: '2026-11-25T00',
    });
  });

  it('gives what its formatter gives for any instant, in any order and zone, across daylight-saving changes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const start = Date.parse('2026-03-01T00:00:00Z');
    // Instants near quarter-hour boundaries over a year, visited forwards, backwards and shuffled.
    const instants = Array.from({ length: 3000 }, () => {
      const quarter = Math.floor((rnd() * 365 * 24 * 3_600_000) / 900_000) * 900_000;
      return start + quarter + Math.floor((rnd() - 0.5) * 4000);
    });
    for (const order of [[...instants].sort((a, b) => a - b), [...instants].sort((a, b) => b - a), instants])
      for (const ms of order)
        for (const zone of ZONES)
          expect(timeBuckets(ms, zone), `${new Date(ms).toISOString()} ${zone}`).toEqual(direct(ms, zone));
  });

  it('labels every hour and day a range touches, in zones off the whole hour too', () => {
    // 15:30–16:30 in India: two local hours, one step.
    expect(
      bucketLabels(Date.parse('2026-11-24T10:00:00Z'), Date.parse('2026-11-24T11:00:00Z'), 'Asia/Kolkata', 'hour'),
    ).toEqual(['2026-11-24T15', '2026-11-24T16']);
    // Until 00:30 on the 25th in Nepal: the 25th is touched.
    expect(
      bucketLabels(Date.parse('2026-11-24T12:00:00Z'), Date.parse('2026-11-24T18:45:00Z'), 'Asia/Kathmandu', 'day'),
    ).toEqual(['2026-11-24', '2026-11-25']);
    expect(
      bucketLabels(Date.parse('2026-11-23T16:00:00Z'), Date.parse('2026-11-25T16:00:00Z'), 'Asia/Shanghai', 'day'),
    ).toEqual(['2026-11-24', '2026-11-25']);
  });
});
