// @vitest-environment jsdom
/** The lexicon list's switch for the classifier's review of a lexicon's hits (`classifierReview`). */
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import './setup-editor-test.js';
import type { Lexicon } from '../../rules-schema/index.js';
import { LexiconList } from '../../editor/src/policy/LexiconList.js';

const SHIPPED: Lexicon = {
  id: 'banned-weapons',
  name: '违禁：枪支弹药',
  category: 'banned',
  severity: 'block',
  classifierReview: true,
  terms: [{ term: '枪支' }],
};
const OWN: Lexicon = {
  id: 'own',
  name: '本号禁用词',
  category: 'banned',
  severity: 'block',
  terms: [{ term: '竞品' }],
};

let latest: Lexicon[] = [];
function Harness() {
  const [lexicons, setLexicons] = useState([SHIPPED, OWN]);
  latest = lexicons;
  return <LexiconList lexicons={lexicons} onChange={setLexicons} />;
}

describe('LexiconList: the classifier review switch', () => {
  it('shows each lexicon’s setting, explains it, and changes only that lexicon', () => {
    render(<Harness />);
    const boxes = screen.getAllByRole('checkbox', { name: '智能复核' }) as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(boxes[0]?.closest('label')?.getAttribute('title')).toContain('拒绝、提醒或合法经营');
    fireEvent.click(boxes[1] as HTMLInputElement);
    expect(latest.map((l) => l.classifierReview)).toEqual([true, true]);
    fireEvent.click(boxes[0] as HTMLInputElement);
    expect(latest.map((l) => [l.id, l.classifierReview, l.terms.length])).toEqual([
      ['banned-weapons', false, 1],
      ['own', true, 1],
    ]);
  });
});
