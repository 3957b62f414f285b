/**
 * Word boundaries of a normalized text, for keyword groups with `wholeWords`: a keyword
 * counts only where it starts and ends between words, so 到货 is not found in 收到|货 and
 * 密码 not in 密码箱 (a keyword may still span several words: 到|货).
 *
 * The segmenter is jieba (@node-rs/jieba, its bundled dictionary), not Intl.Segmenter: ICU
 * cuts 密码箱 into 密码|箱, which is the very case word boundaries are for, and costs about
 * 18 µs on a 20-character message against jieba's 5 µs. The dictionary takes ~200 ms and
 * ~50 MB to load, so it is loaded on first use, and the compiler loads it when a workspace
 * has a whole-word group, before any message waits on it.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/** `boundary[i]` is 1 when offset `i` (0…length) falls between two words. */
export type WordBoundaries = Uint8Array;

/**
 * @example const b = wordBoundaries('收到货了'); [b[1], b[2]] // [0, 1]: 收到|货|了
 */
export function wordBoundaries(text: string): WordBoundaries {
  const boundaries = new Uint8Array(text.length + 1);
  boundaries[0] = 1;
  boundaries[text.length] = 1;
  let at = 0;
  for (const word of segmenter().cut(text, false)) {
    at += word.length;
    boundaries[at] = 1;
  }
  // jieba returns the text cut, never changed; if that ever failed, every offset would be a
  // boundary rather than a wrong one: matching falls back to substrings.
  if (at !== text.length) boundaries.fill(1);
  return boundaries;
}

/**
 * The words of a normalized text, in order, as the same segmenter (and dictionary) cuts them.
 * @example cutWords('钱退回来') // ['钱', '退回来']
 */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, false);
}

/** Loads the dictionary now (the compiler calls it for whole-word workspaces). */
export function warmWordSegmenter(): void {
  segmenter();
}

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (jieba) return jieba;
  // A synchronous, lazy load: a workspace without whole-word groups never pays for the dictionary.
  const require = createRequire(import.meta.url);
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
  jieba = JiebaClass.withDict(dict);
  return jieba;
}
