/**
 * Vitest setup file: with `RF_CLOCK_SHIFT_DAYS` set, the process's clock (`Date.now`, `new Date()`)
 * runs that many days ahead of the machine's, so the suite can be run "next month" today.
 * Timers are untouched: only what the date reads is moved.
 */
const days = Number(process.env['RF_CLOCK_SHIFT_DAYS'] ?? '0');
if (Number.isFinite(days) && days !== 0) {
  const shift = days * 24 * 3600 * 1000;
  const RealDate = Date;
  // Why a subclass: code that reads the date (the store's TTL sweep, our clocks) calls `Date.now()` or
  // `new Date()` on the global, which this replaces; explicit dates stay exact.
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
