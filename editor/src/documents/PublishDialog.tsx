import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../api/api-error.js';
import type { PublishFlags } from '../api/documents-api.js';
import { ContentGateList } from './ContentGateList.js';
import { GroupGateNotice } from './GroupGateNotice.js';
import { Modal } from './Modal.js';
import { PublishNoteActions } from './PublishNoteActions.js';

export interface PublishDialogProps {
  name: string;
  /** Saved scenarios that fail with this draft: shown, and publishing needs 「强制发布」 with a note. */
  failures?: ApiErrorDetail[];
  /** Replies the content checks would block: listed, and publishing needs 「仍然发布（已人工审核）」 with a note. */
  content?: ApiErrorDetail[];
  /** Keyword groups the flow uses that are not live: publishing needs 「同时发布用到的关键词组」. */
  groups?: ApiErrorDetail[];
  /** The last try was refused because live moved meanwhile: says so; publishing again checks anew. */
  liveMoved?: boolean;
  onPublish: (note: string, flags: PublishFlags) => void;
  onClose: () => void;
  /** Selects and centres a node of the open flow (the content list's entries). */
  onShowNode?: (nodeId: string) => void;
}

/**
 * Asks for a short note that goes with the published version; when a gate refused the draft,
 * shows why and asks for what lets it through: a reviewer's note, or the groups published too.
 */
export function PublishDialog({
  name,
  failures = [],
  content = [],
  groups = [],
  liveMoved = false,
  onPublish,
  onClose,
  onShowNode,
}: PublishDialogProps) {
  const { t } = useTranslation();
  const [withGroups, setWithGroups] = useState(false);
  const groupsReady = groups.length === 0 || withGroups;
  const flags: PublishFlags = {
    ...(failures.length > 0 ? { overrideScenarios: true } : {}),
    ...(content.length > 0 ? { overrideContent: true } : {}),
    ...(groups.length > 0 && withGroups ? { withGroups: true } : {}),
  };
  return (
    <Modal title={t('publish.title', { name })} onClose={onClose} testId="publish-dialog">
      {liveMoved ? (
        <p className="error" data-testid="publish-live-moved">
          {t('publish.liveMoved')}
        </p>
      ) : null}
      {failures.length > 0 ? <ScenarioGateList failures={failures} /> : null}
      {content.length > 0 ? <ContentGateList details={content} {...(onShowNode ? { onShowNode } : {})} /> : null}
      {groups.length > 0 ? (
        <GroupGateNotice details={groups} withGroups={withGroups} onWithGroups={setWithGroups} />
      ) : null}
      <PublishNoteActions
        review={content.length > 0 ? 'content' : failures.length > 0 ? 'scenarios' : null}
        confirmLabel={t('publish.confirm')}
        testIds={{ confirm: 'publish-confirm', override: 'publish-override' }}
        disabled={!groupsReady}
        autoFocus
        onCancel={onClose}
        onSubmit={(note) => onPublish(note, flags)}
      />
    </Modal>
  );
}

/** Saved scenarios that fail with the draft, step by step. */
export function ScenarioGateList({ failures }: { failures: ApiErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <div className="gate" data-testid="publish-gate">
      <p className="error">
        {t('publish.gate.intro', { count: new Set(failures.map((f) => scenarioOf(f.path))).size })}
      </p>
      <ul className="gate-failures">
        {failures.slice(0, 12).map((f, i) => (
          <li key={i}>
            <span className="muted">{t('publish.gate.step', { step: stepOf(f.path) + 1 })}</span> {f.message}
          </li>
        ))}
      </ul>
      {failures.length > 12 ? <p className="hint">{t('publish.gate.more', { count: failures.length - 12 })}</p> : null}
      <p className="hint">{t('publish.gate.hint')}</p>
    </div>
  );
}

/** `/scenarios/<id>/steps/<n>` → id and n. */
function scenarioOf(path: string): string {
  return path.split('/')[2] ?? path;
}

function stepOf(path: string): number {
  const n = Number(path.split('/')[4]);
  return Number.isInteger(n) ? n : 0;
}
