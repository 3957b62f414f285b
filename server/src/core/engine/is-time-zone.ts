/** Whether `zone` is an IANA time zone this runtime knows: business hours format times in it, and an unknown zone would throw on every message. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
