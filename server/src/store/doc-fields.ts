import type { StoredDoc } from './collection.js';

/**
 * Typed reads of stored documents: the parse boundary between the untyped backends and the
 * repositories. A wrong type means the data was written by something else, an infra fault.
 */
export const docFields = {
  str(doc: StoredDoc, field: string): string {
    const v = doc[field];
    if (typeof v !== 'string') throw badField(field, 'a string');
    return v;
  },
  optStr(doc: StoredDoc, field: string): string | undefined {
    const v = doc[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw badField(field, 'a string');
    return v;
  },
  num(doc: StoredDoc, field: string): number {
    const v = doc[field];
    if (typeof v !== 'number') throw badField(field, 'a number');
    return v;
  },
  bool(doc: StoredDoc, field: string): boolean {
    const v = doc[field];
    if (typeof v !== 'boolean') throw badField(field, 'a boolean');
    return v;
  },
  date(doc: StoredDoc, field: string): Date {
    const v = doc[field];
    if (!(v instanceof Date)) throw badField(field, 'a Date');
    return v;
  },
  optDate(doc: StoredDoc, field: string): Date | undefined {
    const v = doc[field];
    if (v === undefined || v === null) return undefined;
    if (!(v instanceof Date)) throw badField(field, 'a Date');
    return v;
  },
  strings(doc: StoredDoc, field: string): string[] {
    const v = doc[field];
    if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) {
      throw badField(field, 'a string array');
    }
    return [...v];
  },
  /**
   * Opaque JSON (engine state, documents, bodies) is stored as a string: MongoDB mishandles keys that
   * start with `$` or contain `.` (a JSON Schema's `$schema`, a keyword like "v1.2"), and a
   * string also keeps both backends byte-identical and hands every reader a fresh copy.
   */
  json(doc: StoredDoc, field: string): unknown {
    return JSON.parse(docFields.str(doc, field));
  },
  optJson(doc: StoredDoc, field: string): unknown {
    const s = docFields.optStr(doc, field);
    return s === undefined ? undefined : JSON.parse(s);
  },
};

/** Serialise opaque JSON for storage (see `docFields.json`). */
export function toJsonField(value: unknown): string {
  const s = JSON.stringify(value);
  // JSON.stringify(undefined) is undefined: store null so a read gives back null.
  return s === undefined ? 'null' : s;
}

function badField(field: string, expected: string): Error {
  return new Error(`stored field "${field}" is not ${expected}`);
}
