/**
 * What a reason suggests the operator do (a reason's `suggestion` in /lint, /replies/check,
 * /inbound and the sandbox): a ready rewrite of the field when one exists, else a plain hint.
 * Declared here, once, so the server that computes it and the editor that applies it agree.
 */
export type RewriteSuggestion = TextRewrite | RewriteHint;

/** A compliant rewrite of one field: `text` is `field`'s text with `[start, end)` replaced by `replacement`. */
export interface TextRewrite {
  kind: 'rewrite';
  /** The evidence field, a JSON pointer without the leading slash (`content`, `articles/0/title`). */
  field: string;
  /** UTF-16 offsets into the field's checked text; the span may be wider than the evidence (a whole clause). */
  start: number;
  end: number;
  replacement: string;
  /** The whole field rewritten. */
  text: string;
  /** Plain Chinese: what was changed and what the operator may still need to adjust. */
  message: string;
}

/** No text rewrite makes the reply sendable (window, frequency, a term that can only go): what to do instead. */
export interface RewriteHint {
  kind: 'hint';
  message: string;
}
