import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { useFlowInsights } from '../canvas/flow-insights.js';
import { KeywordAnswersField } from './KeywordAnswersField.js';

/** Name, description and switch of the open flow, how its keyword groups answer, and what a path may send. */
export function FlowSettings() {
  const { t } = useTranslation();
  const meta = useEditorStore((s) => s.meta);
  const setMeta = useEditorStore((s) => s.setMeta);
  const { limits } = useFlowInsights();
  if (!meta) return <aside className="properties" />;
  return (
    <aside className="properties" data-testid="properties">
      <h3>{t('flow.settings')}</h3>
      <label className="field">
        <span>{t('flow.name')}</span>
        <input
          value={meta.name}
          maxLength={100}
          onChange={(e) => setMeta({ name: e.target.value })}
          aria-label={t('flow.name')}
        />
      </label>
      <label className="field">
        <span>{t('flow.description')}</span>
        <textarea
          rows={3}
          maxLength={1000}
          aria-label={t('flow.description')}
          value={meta.description ?? ''}
          onChange={(e) => setMeta({ description: e.target.value })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={meta.enabled !== false}
          onChange={(e) => setMeta({ enabled: e.target.checked })}
        />
        {t('flow.enabled')}
      </label>
      <KeywordAnswersField value={meta.keywordAnswers} onChange={(keywordAnswers) => setMeta({ keywordAnswers })} />
      <p className="hint">{t('cost.explain', { grant: limits.grant, limit: limits.maxReplies })}</p>
      <p className="hint">{t('properties.none')}</p>
    </aside>
  );
}
