import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/api-error.js';
import { documentsApi } from './api/documents-api.js';
import { SignIn } from './auth/SignIn.js';
import { FlowEditor } from './canvas/FlowEditor.js';
import { ConfirmDialog } from './documents/ConfirmDialog.js';
import { ConflictDialog } from './documents/ConflictDialog.js';
import { describeApiError } from './documents/describe-api-error.js';
import { loadWorkspace } from './documents/doc-actions.js';
import { Notices } from './documents/Notices.js';
import { PublishGateDialog } from './documents/PublishGateDialog.js';
import { LanguageSwitch } from './i18n/LanguageSwitch.js';
import { GroupsTable } from './keywords/GroupsTable.js';
import { MissedKeywordsView } from './insights/MissedKeywordsView.js';
import { MetricsView } from './metrics/MetricsView.js';
import { PacksView } from './packs/PacksView.js';
import { PolicyView } from './policy/PolicyView.js';
import { QueueView } from './queue/QueueView.js';
import { SimpleView } from './simple/SimpleView.js';
import { useEditorStore } from './store/editor-store.js';
import type { Tab } from './store/ui-slice.js';
import { WorkspacePublish } from './workspace/WorkspacePublish.js';

/** Signs in (checking a stored token with `/me`), then shows the workspace. */
export function App() {
  const { t } = useTranslation();
  const token = useEditorStore((s) => s.token);
  const me = useEditorStore((s) => s.me);
  const setSession = useEditorStore((s) => s.setSession);
  const [checking, setChecking] = useState(Boolean(token && !me));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!token || me) return;
    setChecking(true);
    documentsApi
      .me(token)
      .then((who) => setSession(token, who))
      .catch((err: unknown) => {
        setSession(null, null);
        setError(err instanceof ApiError && err.status === 401 ? t('signIn.expired') : describeApiError(err, t));
      })
      .finally(() => setChecking(false));
  }, [token, me, setSession, t]);

  if (checking) return <div className="splash">{t('common.loading')}</div>;
  if (!token || !me) return <SignIn initialError={error} />;
  return <Workspace />;
}

const TABS: Tab[] = ['flows', 'simple', 'groups', 'policy', 'queue', 'metrics', 'missed', 'packs'];

function Workspace() {
  const { t } = useTranslation();
  const tab = useEditorStore((s) => s.tab);
  const setTab = useEditorStore((s) => s.setTab);
  const me = useEditorStore((s) => s.me);
  const signOut = useEditorStore((s) => s.signOut);
  const notify = useEditorStore((s) => s.notify);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    loadWorkspace()
      .catch((err: unknown) => notify('error', describeApiError(err, t)))
      .finally(() => setReady(true));
  }, [notify, t]);
  return (
    <div className="app">
      <header className="app-header">
        <strong className="brand">ReplyFlow</strong>
        <nav className="tabs" role="tablist">
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'tab active' : 'tab'}
              onClick={() => setTab(id)}
              data-testid={`tab-${id}`}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <WorkspacePublish />
        <LanguageSwitch />
        <span className="muted" data-testid="me">
          {me?.name} · {t(`role.${me?.role ?? 'viewer'}`, { defaultValue: me?.role })}
        </span>
        <button type="button" onClick={signOut}>
          {t('signIn.signOut')}
        </button>
      </header>
      <main className="app-main">
        {!ready ? (
          <div className="splash">{t('common.loading')}</div>
        ) : tab === 'flows' ? (
          <FlowEditor />
        ) : tab === 'simple' ? (
          <SimpleView />
        ) : tab === 'groups' ? (
          <GroupsTable />
        ) : tab === 'queue' ? (
          <QueueView />
        ) : tab === 'metrics' ? (
          <MetricsView />
        ) : tab === 'missed' ? (
          <MissedKeywordsView />
        ) : tab === 'packs' ? (
          <PacksView />
        ) : (
          <PolicyView />
        )}
      </main>
      <ConfirmDialog />
      <ConflictDialog />
      <PublishGateDialog />
      <Notices />
    </div>
  );
}
