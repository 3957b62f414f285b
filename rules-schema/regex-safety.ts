/**
 * Regex terms and keywords run on RE2 (re2js), linear in the text whatever the pattern. This
 * check keeps them to a small subset that also runs in bounded time on a backtracking engine
 * (the editor previews patterns with the browser's own RegExp) and that RE2 supports:
 * - no backreferences (`\1`, `\k<x>`), lookarounds (`(?=`, `(?!`, `(?<=`, `(?<!`) or named groups;
 * - no repeated group (`(ab)+`, `(?:a|b)*`, `(x){2,}`): nested quantifiers are what blow up;
 *   a group may only be optional (`(?:ab)?`);
 * - no quantifier on a quantifier (`a**`, `a+{2}`), at most 2 unbounded quantifiers, bounds ≤ 50;
 * - at most 100 chars, valid with the `u` flag, and never matching the empty string.
 * Shared with the editor, so a refused pattern is flagged while typing.
 */

export type RegexVerdict = { ok: true } | { ok: false; reason: string };

/**
 * @example checkRegexSafety('保证?治愈') // { ok: true }
 * @example checkRegexSafety('(a+)+b') // { ok: false, reason: '…重复的分组…' }
 */
export function checkRegexSafety(pattern: string): RegexVerdict {
  if (pattern.length > MAX_LENGTH) return refuse(`正则长度 ${pattern.length} 超过 ${MAX_LENGTH} 个字符`);
  let unbounded = 0;
  /** Whether the previous token can take a quantifier: 'atom', 'group' (a closed group) or 'none'. */
  let previous: 'atom' | 'group' | 'quantified' | 'none' = 'none';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return refuse('不支持反向引用（\\1、\\k<…>）');
      if (next === 'u' && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i);
        if (close < 0) return refuse('转义 \\u{…} 没有闭合');
        i = close;
      } else {
        i++;
      }
      previous = 'atom';
      continue;
    }
    if (ch === '[') {
      const close = classEnd(pattern, i);
      if (close < 0) return refuse('字符类 [ … ] 没有闭合');
      i = close;
      previous = 'atom';
      continue;
    }
    if (ch === '(') {
      if (pattern[i + 1] === '?') {
        const kind = pattern.slice(i + 2, i + 4);
        if (kind.startsWith('=') || kind.startsWith('!') || kind === '<=' || kind === '<!')
          return refuse('不支持环视（(?=、(?!、(?<=、(?<!）');
        if (!kind.startsWith(':')) return refuse('只支持 (?: … ) 这种不捕获的分组');
        i += 2;
      }
      depth++;
      previous = 'none';
      continue;
    }
    if (ch === ')') {
      if (depth === 0) return refuse('括号不配对');
      depth--;
      previous = 'group';
      continue;
    }
    if (ch === '|') {
      previous = 'none';
      continue;
    }
    const quantifier = quantifierAt(pattern, i);
    if (quantifier) {
      if (previous === 'none') return refuse('量词前面没有可重复的内容');
      if (previous === 'quantified') return refuse('不支持叠加的量词（如 a** 或 a+{2}）');
      if (previous === 'group' && quantifier.repeats)
        return refuse('不支持重复的分组（如 (ab)+、(?:a|b)*）：嵌套量词可能导致灾难性回溯');
      if (quantifier.max === Infinity) unbounded++;
      else if (quantifier.max > MAX_BOUND) return refuse(`重复次数上限 ${quantifier.max} 超过 ${MAX_BOUND}`);
      if (unbounded > MAX_UNBOUNDED) return refuse(`无上限的量词（*、+、{n,}）最多 ${MAX_UNBOUNDED} 个`);
      i += quantifier.length - 1;
      if (pattern[i + 1] === '?') i++; // lazy form
      previous = 'quantified';
      continue;
    }
    previous = 'atom';
  }
  if (depth !== 0) return refuse('括号不配对');
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'u');
  } catch (e) {
    return refuse(`不是合法的正则表达式：${e instanceof Error ? e.message : String(e)}`);
  }
  if (compiled.test('')) return refuse('正则能匹配空字符串，会在每个位置命中');
  return { ok: true };
}

const MAX_LENGTH = 100;
const MAX_BOUND = 50;
const MAX_UNBOUNDED = 2;

function refuse(reason: string): RegexVerdict {
  return { ok: false, reason };
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(pattern: string, open: number): number {
  for (let j = open + 1; j < pattern.length; j++) {
    const c = pattern[j];
    if (c === '\\') j++;
    else if (c === ']' && j > open + 1) return j;
    else if (c === ']' && j === open + 1) return j; // `[]` is an empty class under `u`
  }
  return -1;
}

function quantifierAt(pattern: string, i: number): { length: number; max: number; repeats: boolean } | null {
  const ch = pattern[i];
  if (ch === '?') return { length: 1, max: 1, repeats: false };
  if (ch === '*' || ch === '+') return { length: 1, max: Infinity, repeats: true };
  if (ch !== '{') return null;
  const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(pattern.slice(i));
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, max, repeats: max > 1 };
}
