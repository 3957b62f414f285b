import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../documents/describe-api-error.js';
import { AddRuleForm } from './AddRuleForm.js';
import { KeywordRuleCard } from './KeywordRuleCard.js';
import { readConsoleRules, type ReplyRule } from './read-console-rules.js';
import { ReplyRuleCard } from './ReplyRuleCard.js';
import { SimpleToolbar } from './SimpleToolbar.js';
import { useSimpleFlows } from './use-simple-flows.js';
import { useEditorStore } from '../store/editor-store.js';
import './simple.css';

/**
 * 「简单模式」: the WeChat console's three auto-reply lists (被关注回复, 收到消息回复, 关键词回复) as
 * cards in its words, over the same flows and keyword groups the canvas edits. Only the open
 * flow is edited (a card of another flow opens it); saving and publishing are the canvas's.
 */
export function SimpleView() {
  const { t } = useTranslation();
  const role = useEditorStore((s) => s.me?.role);
  const canEdit = role === 'admin' || role === 'editor';
  const { flows, loading, failed } = useSimpleFlows();
  const rules = useMemo(() => readConsoleRules(flows), [flows]);
  const byId = useMemo(() => new Map(flows.map((f) => [f.id, f])), [flows]);
  // Which flows use a group: editing its keywords changes every one of them.
  const flowsOfGroup = useMemo(() => {
    const map = new Map<string, Set<string>>();
    for (const f of flows)
      for (const n of f.nodes)
        if (n.type === 'keywordGroup') map.set(n.data.groupId, (map.get(n.data.groupId) ?? new Set()).add(f.name));
    return map;
  }, [flows]);

  const replyCards = (list: ReplyRule[], testId: string) =>
    list.flatMap((rule) => {
      const flow = byId.get(rule.flowId);
      return flow
        ? [
            <ReplyRuleCard
              key={`${rule.flowId}/${rule.replyNodeId}`}
              rule={rule}
              flow={flow}
              canEdit={canEdit}
              testId={testId}
            />,
          ]
        : [];
    });

  return (
    <div className="simple-view" data-testid="simple-view">
      <SimpleToolbar canEdit={canEdit} />
      <p className="hint">{t('simple.intro')}</p>
      {failed ? (
        <p className="error" role="alert">
          {describeApiError(failed, t)}
        </p>
      ) : null}
      {loading && flows.length === 0 ? <p className="muted">{t('common.loading')}</p> : null}
      <Section
        title={t('simple.welcome')}
        hint={t('simple.welcomeHint')}
        empty={rules.welcome.length === 0 ? t('simple.welcomeEmpty') : null}
        testId="simple-welcome"
      >
        {replyCards(rules.welcome, 'simple-welcome-rule')}
      </Section>
      <Section
        title={t('simple.fallback')}
        hint={t('simple.fallbackHint')}
        empty={rules.fallback.length === 0 ? t('simple.fallbackEmpty') : null}
        testId="simple-fallback"
      >
        {replyCards(rules.fallback, 'simple-fallback-rule')}
      </Section>
      <Section
        title={t('simple.keyword')}
        hint={t('simple.keywordHint')}
        empty={rules.keyword.length === 0 ? t('simple.keywordEmpty') : null}
        testId="simple-keyword"
      >
        {canEdit ? <AddRuleForm flows={flows} /> : null}
        {rules.keyword.flatMap((rule) => {
          const flow = byId.get(rule.flowId);
          const sharedWith = [...(flowsOfGroup.get(rule.groupId) ?? [])].filter((name) => name !== rule.flowName);
          return flow
            ? [
                <KeywordRuleCard
                  key={`${rule.flowId}/${rule.groupNodeId}/${rule.replyNodeId}`}
                  rule={rule}
                  flow={flow}
                  canEdit={canEdit}
                  sharedWith={sharedWith}
                />,
              ]
            : [];
        })}
      </Section>
    </div>
  );
}

function Section({
  title,
  hint,
  empty,
  testId,
  children,
}: {
  title: string;
  hint: string;
  empty: string | null;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="simple-section" data-testid={testId}>
      <h2>{title}</h2>
      <p className="hint">{hint}</p>
      {children}
      {empty ? <p className="muted">{empty}</p> : null}
    </section>
  );
}
