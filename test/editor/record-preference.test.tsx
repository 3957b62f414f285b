// @vitest-environment jsdom
/** The 记录偏好 node panel, the 用户偏好 condition and the preference chip of the agent queue. */
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import './setup-editor-test.js';
import type { NodeDataOf, NodeKind } from '../../editor/src/model/flow-types.js';
import { nodeSpecs } from '../../editor/src/nodes/node-specs.js';
import { NodePanel } from '../../editor/src/nodes/node-views.js';
import { describeCondition } from '../../editor/src/panels/condition-choices.js';
import { UserChips } from '../../editor/src/queue/UserChips.js';
import i18next from 'i18next';

function mount<K extends NodeKind>(kind: K) {
  const latest: { data: unknown } = { data: nodeSpecs[kind].defaults() };
  function Harness() {
    const [data, setData] = useState(latest.data as Record<string, unknown>);
    return (
      <NodePanel
        kind={kind}
        nodeId="n1"
        data={data}
        onChange={(d) => {
          latest.data = d;
          setData(d);
        }}
      />
    );
  }
  render(<Harness />);
  return latest as { data: NodeDataOf<K> };
}

describe('record preference node', () => {
  it('is named 记录偏好 and edits its key and value', () => {
    expect(i18next.t(nodeSpecs.recordPreference.label)).toBe('记录偏好');
    const state = mount('recordPreference');
    fireEvent.change(screen.getByLabelText('偏好名称'), { target: { value: '肤质' } });
    fireEvent.change(screen.getByLabelText('偏好的值'), { target: { value: '干皮' } });
    expect(state.data).toEqual({ key: '肤质', value: '干皮' });
    expect(nodeSpecs.recordPreference.summary(state.data, { t: i18next.t, groupName: () => undefined })).toBe(
      '记录偏好：肤质=干皮',
    );
  });
});

describe('condition on a preference', () => {
  it('offers 用户偏好 with the preference name and value as plain fields', () => {
    const state = mount('condition');
    fireEvent.change(screen.getByLabelText('判断什么'), { target: { value: 'preference' } });
    fireEvent.change(screen.getByLabelText('偏好名称'), { target: { value: '肤质' } });
    fireEvent.change(screen.getByLabelText('怎么比'), { target: { value: 'notEqual' } });
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '油皮' } });
    const [condition] = state.data.conditions;
    expect(condition).toEqual({ fact: 'preference', key: '肤质', operator: 'notEqual', value: '油皮' });
    expect(describeCondition(condition!, i18next.t)).toBe('用户偏好「肤质」 不等于 油皮');
  });
});

describe('queue row chips', () => {
  it('shows each preference as 偏好：key=value', () => {
    render(<UserChips topics={{}} tags={[]} preferences={{ 关注领域: '护肤成分' }} />);
    expect(screen.getByTestId('queue-preference').textContent).toBe('偏好：关注领域=护肤成分');
  });
});
