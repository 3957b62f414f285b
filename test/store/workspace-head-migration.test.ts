/**
 * A data directory written before the workspace document held the installed packs and the time
 * zone: its pack rows and the account's time zone are taken into the head once, on first read,
 * and served as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from '../../server/src/store/open-store.js';
import { openSqliteDatabase } from '../../server/src/store/open-sqlite-database.js';
import { SqliteCollection } from '../../server/src/store/sqlite-collection.js';
import { loadPublished } from '../../server/src/runtime/published-workspace.js';

const T0 = new Date('2026-11-24T02:00:00.000Z');
let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows as the earlier layout wrote them: one mutable row per installed pack, the zone on the account. */
async function writeEarlierLayout(): Promise<void> {
  const db = openSqliteDatabase(dir);
  const cols = ['workspaces', 'packs', 'accounts'].map((name) => new SqliteCollection(db, name));
  const [workspaces, packs, accounts] = cols;
  if (!workspaces || !packs || !accounts) throw new Error('three collections');
  await workspaces.insertOne({ _id: 'default', seq: 3, published: [] });
  const row = (packId: string, enabled: boolean) => ({
    _id: `legacy-${packId}`,
    account: 'default',
    packId,
    version: '1.0.0',
    enabled,
    doc: JSON.stringify({ id: packId, lexicons: [] }),
    installedAt: T0,
    installedBy: 'admin',
  });
  await packs.insertOne(row('finance', true));
  await packs.insertOne(row('beauty', false));
  await accounts.insertOne({
    _id: 'default',
    timezone: 'America/New_York',
    createdAt: T0,
    updatedAt: T0,
    updatedBy: 'admin',
  });
  for (const c of cols) c.close();
  db.close();
}

it('takes the earlier pack rows and time zone into the workspace head once, and serves them', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rf-head-'));
  await writeEarlierLayout();
  const store = await openStore({ dataDir: dir });
  try {
    const head = await store.versions.head('default');
    expect(head).toEqual({
      seq: 4,
      published: [],
      packs: [
        { packId: 'beauty', body: 'legacy-beauty', enabled: false },
        { packId: 'finance', body: 'legacy-finance', enabled: true },
      ],
      timezone: 'America/New_York',
    });
    expect(await store.versions.head('default')).toEqual(head); // recorded once, not again
    expect((await store.packs.list('default')).map((p) => [p.packId, p.enabled, p.doc, p.installedAt])).toEqual([
      ['beauty', false, { id: 'beauty', lexicons: [] }, T0],
      ['finance', true, { id: 'finance', lexicons: [] }, T0],
    ]);
    expect((await store.accounts.get('default'))?.timezone).toBe('America/New_York');
    const served = await loadPublished(store, 'default');
    expect(served.packs).toEqual([{ id: 'finance', lexicons: [] }]);
    expect(served.policy.timezone).toBe('America/New_York');

    // Later changes go through the head alone.
    expect(await store.packs.uninstall('default', 'finance')).toBe(true);
    await store.accounts.put('default', { timezone: 'Asia/Tokyo' }, 'admin', T0);
    expect(await store.versions.head('default')).toMatchObject({
      seq: 6,
      packs: [{ packId: 'beauty' }],
      timezone: 'Asia/Tokyo',
    });
  } finally {
    await store.close();
  }
});
