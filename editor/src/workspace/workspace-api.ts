import type {
  WorkspaceChanges,
  WorkspacePublishBody,
  WorkspacePublishResult,
  WorkspaceStatus,
} from '../../../rules-schema/index.js';
import { apiRequest } from '../api/api-request.js';

/** Typed calls to the workspace publish routes (one function per route). */
export const workspaceApi = {
  /** The live version and each draft's change against it, without the gates (cheap). */
  status: () => apiRequest<WorkspaceStatus>('/workspace/status', { account: true }),
  /** What a workspace publish would change, the live version and the gates' verdicts. */
  changes: () => apiRequest<WorkspaceChanges>('/workspace/changes', { account: true }),
  /** Publishes every changed draft as one workspace version; overrides need the note. */
  publish: (body: WorkspacePublishBody) =>
    apiRequest<WorkspacePublishResult>('/workspace/publish', { method: 'POST', body, account: true }),
};
