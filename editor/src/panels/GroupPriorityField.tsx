import { useTranslation } from 'react-i18next';
import type { NodeDataOf } from '../model/flow-types.js';
import { NumberField } from '../policy/NumberField.js';

type KeywordGroupData = NodeDataOf<'keywordGroup'>;

/** The node's priority when several groups of a one-answer flow match the same message (absent: 0). */
export function GroupPriorityField({
  data,
  onChange,
}: {
  data: KeywordGroupData;
  onChange: (data: KeywordGroupData) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NumberField
        label={t('keywordGroup.priority')}
        value={data.priority ?? 0}
        min={-1000}
        max={1000}
        onChange={(v) => onChange(withPriority(data, Math.round(v)))}
      />
      <p className="hint">{t('keywordGroup.priorityHint')}</p>
    </>
  );
}

/** 0 is the default: the document keeps no field for it. */
function withPriority({ priority: _previous, ...rest }: KeywordGroupData, priority: number): KeywordGroupData {
  return priority === 0 ? rest : { ...rest, priority };
}
