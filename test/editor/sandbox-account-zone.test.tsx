// @vitest-environment jsdom
/**
 * The sandbox's start field and its virtual clock read the account zone's wall clock (the policy's
 * `timezone`), not China time: an account in Tokyo types 10:00 and gets 10:00 Tokyo (+09:00),
 * as its business hours and the server's day buckets count it.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import './setup-editor-test.js';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import type { WindowView } from '../../editor/src/api/sandbox-api.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { UserBar } from '../../editor/src/sandbox/UserBar.js';
import { ClockBar } from '../../editor/src/sandbox/ClockBar.js';

function useZone(timezone: string) {
  const doc = { ...structuredClone(policyJson), timezone } as Policy;
  useEditorStore.getState().setPolicy({ doc, persisted: true, dirty: false, publishedVersion: 1 });
}

describe('sandbox times in the account zone', () => {
  it('shows and takes the start on the zone clock', () => {
    useZone('Asia/Tokyo');
    useEditorStore.getState().setStart('2026-01-05T09:00:00+08:00');
    render(<UserBar />);
    const field = screen.getByLabelText('开始时间') as HTMLInputElement;
    expect(field.value).toBe('2026-01-05T10:00');
    fireEvent.change(field, { target: { value: '2026-01-06T08:30' } });
    expect(useEditorStore.getState().session.start).toBe('2026-01-06T08:30:00+09:00');
  });

  it('keeps China time when the policy names no other zone', () => {
    useZone('Asia/Shanghai');
    render(<UserBar />);
    fireEvent.change(screen.getByLabelText('开始时间'), { target: { value: '2026-01-06T08:30' } });
    expect(useEditorStore.getState().session.start).toBe('2026-01-06T08:30:00+08:00');
  });

  it('starts a new session on Monday 09:00 of the zone', () => {
    useZone('America/New_York');
    useEditorStore.getState().resetSession();
    expect(useEditorStore.getState().session.start).toMatch(/^\d{4}-\d{2}-\d{2}T09:00:00-0[45]:00$/);
  });

  it('reads the virtual now on the zone clock', () => {
    useZone('America/New_York');
    const window: WindowView = {
      state: 'open',
      openedAt: null,
      expiresAt: null,
      remainingSeconds: 3600,
      quota: { left: 5, expiresAt: null },
    };
    useEditorStore.getState().setRunState({ now: { at: '2026-12-02T00:59:00.000Z', window } });
    render(<ClockBar />);
    expect(screen.getByTestId('virtual-now').textContent).toBe('12月1日 周二 19:59');
  });
});
