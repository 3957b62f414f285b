/** One run of a changed text: kept, removed (only in the old text) or inserted (only in the new). */
export interface TextSegment {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/**
 * The old and new text as runs, the changed middle marked: operators edit one phrase of a
 * reply at a time, so the common prefix and suffix find it without a character LCS (which
 * scatters matches of common characters such as 的 across an edit). Counts code points, so
 * an emoji is never split in half.
 * @example textChange('发货后3天到', '发货后5天到') // before: 发货后 [3] 天到, after: 发货后 [5] 天到
 */
export function textChange(before: string, after: string): { before: TextSegment[]; after: TextSegment[] } {
  const a = [...before];
  const b = [...after];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const runs = (chars: string[], op: 'del' | 'ins'): TextSegment[] =>
    [
      { op: 'same' as const, text: chars.slice(0, head).join('') },
      { op, text: chars.slice(head, chars.length - tail).join('') },
      { op: 'same' as const, text: chars.slice(chars.length - tail).join('') },
    ].filter((s) => s.text !== '');
  return { before: runs(a, 'del'), after: runs(b, 'ins') };
}
