import { describe, expect, it } from 'vitest';
import { newId } from '../../server/src/store/new-id.js';

describe('newId', () => {
  it('sorts by creation, so the inserts of a commit append to the primary-key index', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('is a UUID (version 7), valid as a MongoDB _id and in every existing id column', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
