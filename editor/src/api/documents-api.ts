import type {
  BlockedReplies,
  DocumentSummary,
  VersionInfo,
  Flow,
  KeywordGroup,
  LintResult,
  Policy,
  Reason,
  Reply,
  TextRewrite,
} from '../../../rules-schema/index.js';
import { apiRequest, ACCOUNT } from './api-request.js';

/** The three document collections the editor works on. */
export type DocKind = 'flows' | 'keyword-groups' | 'policies';

export interface DocByKind {
  flows: Flow;
  'keyword-groups': KeywordGroup;
  policies: Policy;
}

/** An entry of a document list. */
export type DocSummary = DocumentSummary;
export type { VersionInfo } from '../../../rules-schema/index.js';

/** What a publish asks for besides its note (`publish-body`); each override needs the note. */
export interface PublishFlags {
  /** Publish although saved scenarios fail. */
  overrideScenarios?: boolean;
  /** Publish a flow although a reply would be blocked (a reviewed case). */
  overrideContent?: boolean;
  /** Publish the keyword groups the flow uses that are not live with it: all of them go live together with the flow, or none. */
  withGroups?: boolean;
}

// The check answers' shapes are the response schemas' (rules-schema/schemas/check-result.ts), named as the editor reads them.
export type { BlockedReply, LintResult } from '../../../rules-schema/index.js';
/** A reason of a check, with its evidence and the server's rewrite suggestion. */
export type LintReason = Reason;
/** A compliant rewrite of one evidence field: `text` is the whole field rewritten. */
export type LintRewrite = TextRewrite;

export interface Me {
  name: string;
  role: string;
}

/** Typed calls to the document routes of the API; one function per route. */
export const documentsApi = {
  me: (token?: string) => apiRequest<Me>('/me', token ? { token } : {}),
  list: (kind: DocKind) => apiRequest<{ items: DocSummary[] }>(`/${kind}`, { account: true }),
  get: <K extends DocKind>(kind: K, id: string) =>
    apiRequest<DocByKind[K]>(`/${kind}/${encodeURIComponent(id)}`, { account: true }),
  create: <K extends DocKind>(kind: K, doc: DocByKind[K]) =>
    apiRequest<DocByKind[K]>(`/${kind}`, { method: 'POST', body: doc, account: true }),
  update: <K extends DocKind>(kind: K, doc: DocByKind[K]) =>
    apiRequest<DocByKind[K]>(`/${kind}/${encodeURIComponent(doc.id)}`, { method: 'PUT', body: doc, account: true }),
  remove: (kind: DocKind, id: string, revision: number) =>
    apiRequest<undefined>(`/${kind}/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      account: true,
      query: { revision },
    }),
  /** `flags` pass the publish gates: overrides (the note says why) or the flow's groups published with it. */
  publish: (kind: DocKind, id: string, note: string, flags: PublishFlags = {}) =>
    apiRequest<VersionInfo>(`/${kind}/${encodeURIComponent(id)}/publish`, {
      method: 'POST',
      body: { note, ...Object.fromEntries(Object.entries(flags).filter(([, on]) => on === true)) },
      account: true,
    }),
  versions: (kind: DocKind, id: string) =>
    apiRequest<{ items: VersionInfo[] }>(`/${kind}/${encodeURIComponent(id)}/versions`, { account: true }),
  version: <K extends DocKind>(kind: K, id: string, version: number) =>
    apiRequest<VersionInfo & { document: DocByKind[K] }>(`/${kind}/${encodeURIComponent(id)}/versions/${version}`, {
      account: true,
    }),
  rollback: (kind: DocKind, id: string, version: number, note: string) =>
    apiRequest<VersionInfo>(`/${kind}/${encodeURIComponent(id)}/rollback`, {
      method: 'POST',
      body: { version, note },
      account: true,
    }),
  lint: (reply: Reply, policy?: Policy, signal?: AbortSignal) =>
    apiRequest<LintResult>('/lint', {
      method: 'POST',
      body: policy ? { account: ACCOUNT, reply, policy } : { account: ACCOUNT, reply },
    }).then((r) => (signal?.aborted ? Promise.reject(new DOMException('aborted', 'AbortError')) : r)),
  lintFlow: (flow: Flow, policy?: Policy) =>
    apiRequest<BlockedReplies>('/lint/flow', {
      method: 'POST',
      body: policy ? { account: ACCOUNT, flow, policy } : { account: ACCOUNT, flow },
    }),
};
