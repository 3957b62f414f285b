/**
 * Semantic-version order (semver 2.0.0 §11): numeric major.minor.patch, then a release
 * sorts after its pre-releases, pre-release identifiers compared one by one; build metadata
 * is ignored. Versions are schema-checked before they get here.
 */

/**
 * @returns negative when `a` is older than `b`, 0 when equal, positive when newer.
 * @example compareVersions('1.1.0', '1.0.9') > 0 // true
 * @example compareVersions('1.0.0-rc.1', '1.0.0') < 0 // true
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitVersion(a);
  const [coreB = '', preB] = splitVersion(b);
  const na = coreA.split('.').map(Number);
  const nb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (na[i] ?? 0) - (nb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const pa = preA.split('.');
  const pb = preB.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = compareIdentifier(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

function splitVersion(v: string): [string, string | undefined] {
  const noBuild = v.split('+', 1)[0] ?? '';
  const dash = noBuild.indexOf('-');
  return dash < 0 ? [noBuild, undefined] : [noBuild.slice(0, dash), noBuild.slice(dash + 1)];
}

/** Numeric identifiers compare numerically and sort before alphanumeric ones. */
function compareIdentifier(x: string, y: string): number {
  const nx = /^[0-9]+$/.test(x);
  const ny = /^[0-9]+$/.test(y);
  if (nx && ny) return Math.sign(Number(x) - Number(y));
  if (nx !== ny) return nx ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
