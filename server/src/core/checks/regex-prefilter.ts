/**
 * A cheap gate in front of the regex terms: RE2 runs in linear time, but each pattern still
 * walks the whole text (about 1.5 µs per pattern on a short reply), so thirty constructions
 * would cost more than the automaton and every check beside it. Most constructions need a
 * character the text rarely holds (折 in N折, 率 and % in 有效率95%, one of 见显起 in 三天见效);
 * `requiredChars` reads those from the pattern once, and a text lacking them skips the pattern.
 */

/**
 * Sets of chars a match must contain: one char of every set. Conservative: a pattern it
 * cannot read (top-level `|`, classes, escapes, optional parts) yields fewer sets, never
 * a wrong one, so no match is ever skipped.
 * @example requiredChars('满[0-9]{1,6}(?:元|块)?(?:减|送)') // [['满'], ['减', '送']]
 */
export function requiredChars(pattern: string): string[][] {
  // Inline flags ((?i) …) change what a literal matches; top-level alternatives need no one char.
  if (/\(\?[a-zA-Z]/.test(pattern) || topLevelAlternation(pattern)) return [];
  const sets: string[][] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i] ?? '';
    let end: number;
    let set: string[] | null = null;
    let second: string[] | null = null;
    if (ch === '\\') end = i + 2;
    else if (ch === '[') end = classEnd(pattern, i) + 1;
    else if (ch === '(') {
      end = groupEnd(pattern, i) + 1;
      const body = pattern.slice(pattern.startsWith('(?:', i) ? i + 3 : i + 1, end - 1);
      set = firstChars(body);
      second = set && secondChars(body);
    } else if (SPECIAL.has(ch)) end = i + 1;
    else {
      // a whole code point: half of an emoji is never one of the text's chars
      const char = firstCodePoint(pattern, i);
      end = i + char.length;
      set = [char];
    }
    if (end <= i) return sets; // unreadable: stop with what is certain
    const quantifier = pattern[end] ?? '';
    const optional = quantifier === '?' || quantifier === '*' || pattern.startsWith('{0', end);
    if (set && !optional) sets.push(set);
    // 有 alone lets (?:见效|有效果|看到效果) through on 有其他问题; the second chars (效, 到) are as certain.
    if (second && !optional) sets.push(second);
    i = end + quantifierLength(pattern, end);
  }
  return sets;
}

/** Whether `chars` (the text's chars) can satisfy every set. */
export function mayMatch(sets: readonly (readonly string[])[], chars: ReadonlySet<string>): boolean {
  return sets.every((set) => set.some((c) => chars.has(c)));
}

/**
 * `mayMatch` for many items at once, compiled: every required char gets a slot, a text marks
 * the slots of its code points (one look-up per char, no Set of strings built per text), and
 * each item's sets are read off the marks. Selects exactly the items `mayMatch` would, with
 * `new Set(text)` as the chars.
 * @example regexGate([{ item: 'n折', needs: [['折']] }])('全场8折') // ['n折']
 */
export function regexGate<T>(
  items: ReadonlyArray<{ item: T; needs: readonly (readonly string[])[] }>,
): (text: string) => T[] {
  const slotOf = new Map<number, number>();
  const compiled = items.map(({ item, needs }) => ({
    item,
    // A set item of more than one code point is never one of the text's chars: it gets no slot.
    sets: needs.map((set) => set.filter(isOneCodePoint).map((c) => slotFor(slotOf, c.codePointAt(0) ?? 0))),
  }));
  const marks = new Uint8Array(slotOf.size);
  return (text) => {
    marks.fill(0);
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i) ?? 0;
      const slot = slotOf.get(cp);
      if (slot !== undefined) marks[slot] = 1;
      i += cp > 0xffff ? 2 : 1;
    }
    const out: T[] = [];
    for (const { item, sets } of compiled) if (allMarked(sets, marks)) out.push(item);
    return out;
  };
}

/** Whether every set has a marked slot (loops, not closures: this runs per item per text). */
function allMarked(sets: readonly number[][], marks: Uint8Array): boolean {
  for (const set of sets) {
    let found = false;
    for (const slot of set) {
      if (marks[slot] === 1) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function isOneCodePoint(c: string): boolean {
  const cp = c.codePointAt(0);
  return cp !== undefined && c.length === (cp > 0xffff ? 2 : 1);
}

function slotFor(slotOf: Map<number, number>, cp: number): number {
  let slot = slotOf.get(cp);
  if (slot === undefined) slotOf.set(cp, (slot = slotOf.size));
  return slot;
}

/** Length of the quantifier at `at` (`?`, `*`, `+`, `{m,n}`, each maybe lazy), 0 if none. */
function quantifierLength(pattern: string, at: number): number {
  const ch = pattern[at] ?? '';
  let length = 0;
  if (ch === '?' || ch === '*' || ch === '+') length = 1;
  else if (ch === '{') {
    const close = pattern.indexOf('}', at);
    length = close < 0 ? 0 : close - at + 1;
  }
  return length > 0 && pattern[at + length] === '?' ? length + 1 : length;
}

const SPECIAL = new Set(['.', '^', '$', '|', ')', '?', '*', '+', '{', '}']);

/** The first char of each alternative of a group body, or null when one is not a plain char. */
function firstChars(body: string): string[] | null {
  const out: string[] = [];
  for (const alt of splitTopLevel(body)) {
    const c = firstCodePoint(alt, 0);
    if (c === '' || c === '\\' || c === '[' || c === '(' || SPECIAL.has(c)) return null;
    // a quantified first char (a?b) may be absent
    const q = alt[c.length] ?? '';
    if (q === '?' || q === '*' || alt.startsWith('{0', c.length)) return null;
    if (!out.includes(c)) out.push(c);
  }
  return out.length > 0 ? out : null;
}

/**
 * The second char of each alternative of a group body, or null unless every alternative
 * starts with two plain chars, neither quantified (the first is checked by firstChars).
 */
function secondChars(body: string): string[] | null {
  const out: string[] = [];
  for (const alt of splitTopLevel(body)) {
    const c = alt[1] ?? '';
    // a surrogate is half of a char, which a text's code points never hold alone
    if (c === '' || c === '\\' || c === '[' || c === '(' || SPECIAL.has(c) || /[\ud800-\udfff]/.test(c)) return null;
    const q = alt[2] ?? '';
    if (q === '?' || q === '*' || alt.startsWith('{0', 2)) return null;
    if (!out.includes(c)) out.push(c);
  }
  return out.length > 0 ? out : null;
}

/** The code point at `at` as a string (two UTF-16 units for an emoji), '' past the end. */
function firstCodePoint(s: string, at: number): string {
  const cp = s.codePointAt(at);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(body, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

function topLevelAlternation(pattern: string): boolean {
  return splitTopLevel(pattern).length > 1;
}

function classEnd(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']' && i > open + 1) return i;
  }
  return s.length;
}

function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(s, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return s.length;
}
