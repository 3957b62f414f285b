/**
 * Orders two semantic versions (major.minor.patch; a pre-release sorts before its release), so
 * a card offers 升级 only when the catalog holds a newer version than the account runs.
 * @example compareVersions('1.2.0', '1.10.0') // -1
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const [ca, pa] = parts(a);
  const [cb, pb] = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (ca[i] ?? 0) - (cb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (pa === pb) return 0;
  if (pa === '') return 1;
  if (pb === '') return -1;
  return pa < pb ? -1 : 1;
}

function parts(version: string): [number[], string] {
  const [core = '', pre = ''] = (version.split('+')[0] ?? '').split(/-(.*)/s);
  return [core.split('.').map(Number), pre];
}
