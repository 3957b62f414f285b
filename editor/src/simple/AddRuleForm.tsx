import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../rules-schema/index.js';
import { CONSOLE_LIMITS, isKeywordTrigger } from '../../../rules-schema/console-auto-reply.js';
import { ChipsInput } from '../keywords/ChipsInput.js';
import { LintedText } from '../lint/LintedText.js';
import { useEditorStore } from '../store/editor-store.js';
import { addKeywordRule } from './add-keyword-rule.js';
import { editFlow } from './edit-flow.js';

export interface AddRuleFormProps {
  flows: readonly Flow[];
}

/**
 * 「添加规则」: name, keywords (半匹配, as the console's default) and a reply, added to the chosen
 * flow as a new keyword group and its nodes. Choosing a flow other than the open one opens it.
 */
export function AddRuleForm({ flows }: AddRuleFormProps) {
  const { t } = useTranslation();
  const openId = useEditorStore((s) => s.meta?.id);
  // Flows keyword rules fit in: one with a text trigger, or one with no trigger yet.
  const targets = flows.filter(
    (f) =>
      f.nodes.every((n) => n.type !== 'trigger') ||
      f.nodes.some((n) => n.type === 'trigger' && isKeywordTrigger(n.data)),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const flowId = picked ?? (targets.some((f) => f.id === openId) ? openId : targets[0]?.id) ?? '';
  const [name, setName] = useState('');
  const [keywords, setKeywords] = useState<string[]>([]);
  const [reply, setReply] = useState('');
  const [adding, setAdding] = useState(false);
  const ready = flowId && name.trim() && keywords.length > 0 && reply.trim() && !adding;

  const add = async () => {
    setAdding(true);
    try {
      if (!(await editFlow(flowId))) return;
      addKeywordRule({ name: name.trim(), keywords, reply });
      setName('');
      setKeywords([]);
      setReply('');
    } finally {
      setAdding(false);
    }
  };

  return (
    <details className="simple-card simple-add">
      <summary data-testid="simple-add-open">+ {t('simple.add')}</summary>
      <label className="simple-field">
        <span>{t('simple.addTo')}</span>
        <select value={flowId} onChange={(e) => setPicked(e.target.value)} data-testid="simple-add-flow">
          {targets.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="simple-field">
        <span>{t('simple.ruleName')}</span>
        <input
          value={name}
          maxLength={CONSOLE_LIMITS.ruleName}
          onChange={(e) => setName(e.target.value)}
          data-testid="simple-add-name"
        />
      </label>
      <ChipsInput
        values={keywords}
        onChange={setKeywords}
        label={t('simple.keywords')}
        placeholder={t('keywords.placeholder')}
        testId="simple-add-keywords"
      />
      <LintedText label={t('simple.reply')} value={reply} onChange={setReply} testId="simple-add-reply" rows={3} />
      <p className="hint">{t('simple.addHint')}</p>
      <button type="button" className="primary" disabled={!ready} onClick={() => void add()} data-testid="simple-add">
        {t('simple.add')}
      </button>
    </details>
  );
}
