import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../rules-schema/index.js';
import {
  CONSOLE_LIMITS,
  consoleMatchModeOf,
  groupModeOf,
  type ConsoleMatchMode,
} from '../../../rules-schema/console-auto-reply.js';
import { KeywordChips } from '../keywords/KeywordChips.js';
import { useEditorStore } from '../store/editor-store.js';
import { CardFlowActions } from './CardFlowActions.js';
import type { KeywordRule } from './read-console-rules.js';
import { removeKeywordRule } from './remove-keyword-rule.js';
import { ReplyTexts } from './ReplyTexts.js';

export interface KeywordRuleCardProps {
  rule: KeywordRule;
  flow: Flow;
  canEdit: boolean;
  /** Names of the other flows whose keyword-group nodes use the same group. */
  sharedWith: string[];
}

/**
 * One 关键词回复 rule as the console shows it: 规则名称 (the group's name), 关键词 with 半匹配 /
 * 全匹配, the replies and 回复全部 / 随机回复一条. A group using what the console cannot say is
 * shown read-only with a pointer to the canvas, and never changed here.
 */
export function KeywordRuleCard({ rule, flow, canEdit, sharedWith }: KeywordRuleCardProps) {
  const { t } = useTranslation();
  const group = useEditorStore((s) => s.groups[rule.groupId]?.doc);
  const open = useEditorStore((s) => s.meta?.id === rule.flowId);
  const { editGroup, updateNodeData, askConfirm } = useEditorStore.getState();
  const editable = open && canEdit;
  const match = group ? consoleMatchModeOf(group) : null;
  const groupEditable = editable && match !== null;
  const reply = flow.nodes.find((n) => n.id === rule.replyNodeId);
  const replyData = reply?.type === 'reply' ? reply.data : null;

  const remove = () =>
    askConfirm({
      message: t('simple.removeConfirm', { name: group?.name ?? rule.groupId }),
      confirmLabel: t('simple.remove'),
      onConfirm: () => removeKeywordRule(rule),
    });

  return (
    <article className="simple-card" data-testid="simple-keyword-rule" data-group={rule.groupId}>
      <CardFlowActions flowId={rule.flowId} flowName={rule.flowName} nodeId={rule.groupNodeId} canEdit={canEdit} />
      {!group ? <p className="hint warn">{t('simple.missingGroup', { id: rule.groupId })}</p> : null}
      {group ? (
        <label className="simple-field">
          <span>{t('simple.ruleName')}</span>
          <input
            value={group.name}
            maxLength={CONSOLE_LIMITS.ruleName}
            disabled={!groupEditable}
            onChange={(e) => editGroup(group.id, { name: e.target.value })}
            data-testid="simple-rule-name"
          />
        </label>
      ) : null}
      {group && groupEditable ? (
        <>
          <KeywordChips
            groupId={group.id}
            keywords={group.keywords}
            onChange={(keywords) => editGroup(group.id, { keywords })}
          />
          {group.keywords.length > CONSOLE_LIMITS.keywords ? (
            <p className="hint">
              {t('simple.manyKeywords', { count: group.keywords.length, max: CONSOLE_LIMITS.keywords })}
            </p>
          ) : null}
          <fieldset className="inline">
            <legend>{t('simple.matchMode')}</legend>
            {(['contain', 'equal'] as const satisfies readonly ConsoleMatchMode[]).map((m) => (
              <label key={m} className="check">
                <input
                  type="radio"
                  name={`match-${rule.groupNodeId}`}
                  checked={match === m}
                  onChange={() => editGroup(group.id, { mode: groupModeOf(m) })}
                  data-testid={`simple-match-${m}`}
                />
                {t(`simple.match.${m}`)}
              </label>
            ))}
          </fieldset>
        </>
      ) : group ? (
        <>
          <ul className="simple-chips" aria-label={t('simple.keywords')}>
            {group.keywords.slice(0, 12).map((k) => (
              <li key={k} className="chip">
                {k}
              </li>
            ))}
            {group.keywords.length > 12 ? (
              <li className="muted">{t('simple.moreKeywords', { count: group.keywords.length - 12 })}</li>
            ) : null}
          </ul>
          {match === null ? (
            <p className="hint" data-testid="simple-advanced">
              {t('simple.advanced')}
            </p>
          ) : null}
        </>
      ) : null}
      {sharedWith.length > 0 ? (
        <p className="hint">{t('simple.sharedGroup', { flows: sharedWith.join('、') })}</p>
      ) : null}
      <ReplyTexts flow={flow} replyNodeId={rule.replyNodeId} editable={editable} />
      {replyData && replyData.replies.length > 1 ? (
        <fieldset className="inline">
          <legend>{t('simple.replyMode')}</legend>
          {(['all', 'random'] as const).map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name={`reply-mode-${rule.replyNodeId}`}
                disabled={!editable}
                checked={(replyData.mode ?? 'all') === m}
                onChange={() => updateNodeData(rule.replyNodeId, { ...replyData, mode: m })}
              />
              {t(`simple.replyModes.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {editable ? (
        <div className="row">
          <span className="spacer" />
          <button type="button" className="small danger" onClick={remove} data-testid="simple-remove-rule">
            {t('simple.remove')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
