import { FastForward, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Reply, SandboxStep } from '../../../rules-schema/index.js';
import type { Expectation, StepReport } from '../api/sandbox-api.js';
import { ExpectationEditor } from './ExpectationEditor.js';
import { GroupMatchSummary } from './GroupMatchSummary.js';
import { ReplyBubble } from './ReplyBubble.js';
import { WindowCountdown } from './WindowCountdown.js';
import { formatInstant, formatSpan, parseDurationSpec } from './durations.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';

export interface StepCardProps {
  index: number;
  step: SandboxStep;
  report: StepReport | undefined;
  /** The user's display name (nickname, else the id). */
  who: string;
  lit: boolean;
  onLight: () => void;
  onRemove: () => void;
  onExpect: (expect: Expectation | undefined) => void;
}

/** One step of the session: what was sent, what came back, the window after it and what the scenario expects. */
export function StepCard({ index, step, report, who, lit, onLight, onRemove, onExpect }: StepCardProps) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const kind = step.inbound ? 'inbound' : 'reply';
  const afterMs = step.after ? parseDurationSpec(step.after) : null;
  return (
    <li
      className={`step-card${lit ? ' is-lit' : ''}${report && !report.expect.passed ? ' failing' : ''}`}
      data-testid="step-card"
      data-kind={kind}
    >
      {afterMs ? (
        <div className="clock-marker" data-testid="clock-marker">
          <FastForward size={13} className="icon" /> {t('sandbox.clock.moved', { span: formatSpan(afterMs / 1000, t) })}
        </div>
      ) : null}
      <div className="step-head">
        <span className="muted">#{index + 1}</span>
        {report ? <span className="muted">{formatInstant(report.at, i18n.language, timeZone)}</span> : null}
        <span className="spacer" />
        {kind === 'inbound' ? (
          <button type="button" className="small" onClick={onLight} aria-pressed={lit}>
            {t('sandbox.showPath')}
          </button>
        ) : null}
        <button
          type="button"
          className="small"
          onClick={onRemove}
          aria-label={t('sandbox.removeStep', { n: index + 1 })}
        >
          <X size={13} />
        </button>
      </div>
      {step.inbound ? (
        <>
          <div className="bubble-row in">
            <div className="bubble bubble-in">
              <div className="bubble-by muted">{who}</div>
              <div className="bubble-text">{describeInbound(step.inbound, t)}</div>
            </div>
          </div>
          {report?.kind === 'inbound' ? <InboundOutcome report={report} /> : null}
        </>
      ) : step.reply && report?.kind === 'reply' ? (
        <>
          {/* Parse boundary: the panel only writes text replies into reply steps. */}
          <ReplyBubble
            reply={step.reply as Reply}
            verdict={report.result.verdict}
            reasons={report.result.reasons}
            committed={report.result.committed}
            by="agent"
          />
        </>
      ) : null}
      {report ? (
        <WindowCountdown
          window={report.result.window}
          counters={report.kind === 'reply' ? report.result.counters : undefined}
          compact
        />
      ) : null}
      <ExpectationEditor kind={kind} expect={step.expect} report={report} onChange={onExpect} />
    </li>
  );
}

/** What an inbound step brought back: the groups matched, the replies with their verdicts, a hand-off. */
export function InboundOutcome({ report }: { report: Extract<StepReport, { kind: 'inbound' }> }) {
  const { t } = useTranslation();
  const { matches, groupMatches, replies, handoff, settledGroups } = report.result;
  return (
    <div className="inbound-outcome">
      {groupMatches ? <GroupMatchSummary groupMatches={groupMatches} /> : null}
      {matches.map((m, i) => (
        <div key={i} className="match-line muted">
          {t('sandbox.matched', { group: m.group, keyword: m.keyword })}
        </div>
      ))}
      {(settledGroups ?? []).map((g) => (
        <div key={g.groupId} className="match-line muted" data-testid="settled-group">
          {t('sandbox.settledGroup', { group: g.group, cue: g.cue })}
        </div>
      ))}
      {replies.length === 0 ? <div className="muted">{t('sandbox.noReply')}</div> : null}
      {replies.map((r, i) => (
        <ReplyBubble key={i} reply={r.reply} verdict={r.verdict} reasons={r.reasons} committed={r.committed} by="bot" />
      ))}
      {handoff ? (
        <div className="handoff-line">{t('sandbox.handoff', { queue: handoff.queue ?? t('handoff.anyAgent') })}</div>
      ) : null}
    </div>
  );
}

/** 「退钱」, 「[关注]」, 「[点击菜单 FAQ]」, 「[位置 人民广场]」… */
export function describeInbound(
  message: NonNullable<SandboxStep['inbound']>,
  t: (key: string, o?: Record<string, unknown>) => string,
): string {
  if (message.type === 'text') return message.content ?? '';
  if (message.type !== 'event') {
    const detail = message.label ?? message.title;
    return detail ? `[${t(`messageType.${message.type}`)} ${detail}]` : `[${t(`messageType.${message.type}`)}]`;
  }
  const name = t(`event.${message.event ?? ''}`, { defaultValue: message.event ?? '' });
  return message.eventKey ? `[${name} ${message.eventKey}]` : `[${name}]`;
}
