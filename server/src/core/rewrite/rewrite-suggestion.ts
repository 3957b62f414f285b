export type { RewriteHint, RewriteSuggestion, TextRewrite } from '../../../../rules-schema/index.js';

/** One replacement a strategy proposes, before it is tidied and applied to the field. */
export interface SpanEdit {
  start: number;
  end: number;
  replacement: string;
}

/** A strategy's answer: its message, and the edit when the text can be rewritten. */
export interface RewritePlan {
  message: string;
  edit?: SpanEdit;
}
