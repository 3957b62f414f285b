/**
 * False-positive review: an allowance makes a reviewed phrase stop raising one code (an
 * exclusion added to the account's policy). It is written to the policy draft AND published
 * at once, so the runtime stops flagging the phrase now, without publishing whatever else the
 * draft holds: the allowance is added to the published version as it stands, compiled with
 * the live workspace and written only on the head it was judged at (publish-at-head.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Allowance, AllowanceBody, Policy } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import type { Store } from '../store/open-store.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { gateWorkspace } from './compile-gate.js';
import { lastPublished, publishAtHead } from './publish-at-head.js';

export interface AllowanceChange {
  allowance: Allowance;
  policyId: string;
  revision: number;
  publishedVersion: number;
}

export class AllowanceService {
  constructor(private readonly store: Store) {}

  async add(
    account: string,
    policyId: string,
    body: AllowanceBody,
    by: string,
    now = new Date(),
  ): Promise<AllowanceChange> {
    const allowance: Allowance = {
      id: `allow-${randomBytes(6).toString('hex')}`,
      code: body.code,
      phrase: body.phrase,
      ...(body.scope?.flowId ? { scope: { flowId: body.scope.flowId } } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      createdBy: by,
      createdAt: now.toISOString(),
    };
    const change = await this.apply(
      account,
      policyId,
      { edit: (list) => [...list, allowance], undo: (list) => list.filter((a) => a.id !== allowance.id) },
      `误报豁免：${allowance.code}“${allowance.phrase}”`,
      by,
    );
    await this.store.audit.append({
      at: now,
      account,
      actor: by,
      action: 'policy.allowance.add',
      target: policyId,
      detail: { allowance, ...change },
    });
    return { allowance, policyId, ...change };
  }

  async remove(account: string, policyId: string, allowanceId: string, by: string, now = new Date()): Promise<void> {
    const draft = await this.store.documents.get(account, 'policy', policyId);
    if (!draft) throw notFound(`合规策略 ${policyId}`);
    const removed = ((draft.doc as Policy).allowances ?? []).find((a) => a.id === allowanceId);
    if (!removed) throw notFound(`豁免 ${allowanceId}`);
    const change = await this.apply(
      account,
      policyId,
      {
        edit: (list) => list.filter((a) => a.id !== allowanceId),
        undo: (list) => (list.some((a) => a.id === allowanceId) ? list : [...list, removed]),
      },
      `撤销误报豁免 ${allowanceId}`,
      by,
    );
    await this.store.audit.append({
      at: now,
      account,
      actor: by,
      action: 'policy.allowance.remove',
      target: policyId,
      detail: { allowance: removed, ...change },
    });
  }

  /**
   * Rewrites the allowance list of the draft (compare-and-set on its revision) and of the
   * published version (the draft itself when none is published), then publishes. The live
   * version edited is the one the head read first names, and the policy goes live only on that
   * head (publishAtHead): should another change land in between, 409 and the edit is taken back
   * out of the draft (whatever else was saved there since stays), so a retry applies it once.
   */
  private async apply(
    account: string,
    policyId: string,
    { edit, undo }: { edit: (list: Allowance[]) => Allowance[]; undo: (list: Allowance[]) => Allowance[] },
    note: string,
    by: string,
  ): Promise<{ revision: number; publishedVersion: number }> {
    const head = await this.store.versions.head(account);
    const draft = await this.store.documents.get(account, 'policy', policyId);
    if (!draft) throw notFound(`合规策略 ${policyId}`);
    const draftDoc = withAllowances(draft.doc as Policy, edit);
    const live = head.published.find((p) => p.kind === 'policy' && p.id === policyId);
    const base = live ? await this.store.versions.get(account, 'policy', policyId, live.version) : null;
    const publishedDoc = base ? withAllowances(base.doc as Policy, edit) : draftDoc;
    await gateWorkspace(
      this.store,
      account,
      { kind: 'policy', doc: publishedDoc },
      '改动豁免后合规策略无法运行，未发布',
      [],
      head,
    );
    const saved = await this.store.documents.save(account, 'policy', policyId, draftDoc, draft.revision, by);
    if (!saved.ok)
      throw conflict('合规策略刚被其他人修改，请重试', [{ path: '/revision', message: 'stale draft revision' }]);
    try {
      const { published } = await publishAtHead(
        this.store,
        account,
        head.seq,
        { publish: [{ kind: 'policy', id: policyId, doc: publishedDoc }] },
        by,
        note,
      );
      return { revision: saved.revision, publishedVersion: lastPublished(published).version };
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONFLICT') await this.takeBack(account, policyId, undo, by);
      throw e;
    }
  }

  /** Nothing went live: the draft loses the edit (one try; a save racing this one wins and keeps it). */
  private async takeBack(
    account: string,
    policyId: string,
    undo: (list: Allowance[]) => Allowance[],
    by: string,
  ): Promise<void> {
    const current = await this.store.documents.get(account, 'policy', policyId);
    if (current)
      await this.store.documents.save(
        account,
        'policy',
        policyId,
        withAllowances(current.doc as Policy, undo),
        current.revision,
        by,
      );
  }
}

function withAllowances(policy: Policy, edit: (list: Allowance[]) => Allowance[]): Policy {
  const { revision: _revision, ...doc } = policy;
  const next: Policy = { ...doc, allowances: edit(doc.allowances ?? []) };
  const checked = validate<Policy>('policy', next);
  if (!checked.ok) throw invalid('加入豁免后合规策略不符合格式要求', checked.problems);
  return checked.value;
}
