/**
 * Packs per account (CONTRACT §10): the catalog (built-in `examples/packs/` plus the account's
 * imports), import with preview, self-test before every install, upgrade and guarded
 * downgrade, enable/disable, uninstall, export. Installing bumps the workspace sequence, so
 * the runtime applies the change at once; every change is audited. An install, upgrade or
 * enable is judged (preview, compile gate, self-test) on the live head read first and written
 * only at that head, as a publish is (publish-at-head.ts): live moved meanwhile → 409.
 */
import type {
  CatalogEntry,
  ImportPreview,
  InstallOutcome,
  KeywordGroup,
  Pack,
  PackTestReport,
} from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { loadPublished } from '../runtime/published-workspace.js';
import { gateWorkspace } from '../runtime/compile-gate.js';
import { liveMoved } from '../runtime/publish-at-head.js';
import { checkPack } from './check-pack.js';
import { exportPack } from './export-pack.js';
import { loadBuiltinPacks } from './load-builtin-packs.js';
import { previewPackImport } from './preview-pack-import.js';
import { runPackTests, testFailures } from './run-pack-tests.js';

export class PackService {
  private readonly builtin: ReadonlyMap<string, Pack>;

  constructor(
    private readonly store: Store,
    builtin: ReadonlyMap<string, Pack> = loadBuiltinPacks(),
  ) {
    this.builtin = builtin;
  }

  async list(account: string): Promise<CatalogEntry[]> {
    const [catalog, installed] = await Promise.all([this.catalog(account), this.store.packs.list(account)]);
    const byId = new Map(installed.map((p) => [p.packId, p]));
    const entries: CatalogEntry[] = [...catalog.values()].map(({ pack, origin }) => {
      const mine = byId.get(pack.id);
      return {
        id: pack.id,
        name: pack.name,
        version: pack.version,
        industry: pack.industry,
        origin,
        installed: mine !== undefined,
        enabled: mine?.enabled ?? false,
        installedVersion: mine?.version ?? null,
      };
    });
    return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The catalog document (the account's import wins over the built-in one), else the installed one. */
  async get(account: string, id: string): Promise<Pack> {
    const found = (await this.catalog(account)).get(id)?.pack ?? (await this.installedDoc(account, id));
    if (!found) throw notFound(`规则包 ${id}`);
    return found;
  }

  async preview(account: string, body: unknown): Promise<ImportPreview> {
    return previewPackImport(this.checked(body), await this.accountView(account, bodyId(body)));
  }

  /** Validates, self-tests, keeps the pack in the account's catalog and installs it. */
  async import(account: string, body: unknown, force: boolean, by: string): Promise<InstallOutcome> {
    const pack = this.checked(body);
    const outcome = await this.installChecked(account, pack, force, by, 'pack.import');
    await this.store.packCatalog.put(account, pack.id, pack.version, pack, by);
    return outcome;
  }

  /** Installs (or upgrades to) the catalog version of a pack, self-tested first. */
  async install(account: string, id: string, force: boolean, by: string): Promise<InstallOutcome> {
    const entry = (await this.catalog(account)).get(id);
    if (!entry) throw notFound(`规则包 ${id}`);
    return this.installChecked(account, entry.pack, force, by, 'pack.install');
  }

  async uninstall(account: string, id: string, by: string): Promise<void> {
    if (!(await this.store.packs.uninstall(account, id))) throw notFound(`已安装的规则包 ${id}`);
    await this.audit(account, by, 'pack.uninstall', id, {});
  }

  async setEnabled(
    account: string,
    id: string,
    enabled: boolean,
    by: string,
  ): Promise<{ id: string; enabled: boolean }> {
    if (enabled) {
      const head = await this.store.versions.head(account);
      const installed = await this.installedDoc(account, id, head);
      if (!installed) throw notFound(`已安装的规则包 ${id}`);
      await gateWorkspace(
        this.store,
        account,
        { kind: 'pack', doc: installed },
        `规则包 ${id} 无法运行，未启用`,
        [],
        head,
      );
      // Installed at `head`, so false means only that live moved since the gate.
      if (!(await this.store.packs.setEnabled(account, id, true, head.seq))) throw liveMoved(head.seq);
    } else if (!(await this.store.packs.setEnabled(account, id, false))) {
      throw notFound(`已安装的规则包 ${id}`);
    }
    await this.audit(account, by, enabled ? 'pack.enable' : 'pack.disable', id, {});
    return { id, enabled };
  }

  async test(account: string, id: string): Promise<PackTestReport> {
    return runPackTests(await this.get(account, id));
  }

  async export(account: string): Promise<Pack> {
    const [published, sequence] = await Promise.all([
      loadPublished(this.store, account),
      this.store.versions.workspaceSeq(account),
    ]);
    return exportPack({
      account,
      sequence,
      flows: published.flows,
      groups: published.groups,
      policy: published.policy,
    });
  }

  private async installChecked(
    account: string,
    pack: Pack,
    force: boolean,
    by: string,
    action: string,
  ): Promise<InstallOutcome> {
    const head = await this.store.versions.head(account);
    const preview = previewPackImport(pack, await this.accountView(account, pack.id, head));
    if (preview.action === 'downgrade' && !force) {
      throw conflict(
        `已安装 ${pack.id} ${preview.installedVersion}，不能降级到 ${pack.version}（确需降级请加 force=true）`,
        [{ path: '/version', message: `installed ${preview.installedVersion} is newer than ${pack.version}` }],
      );
    }
    // Compiled with the account's other packs, as the runtime will (budgets are per account too).
    await gateWorkspace(
      this.store,
      account,
      { kind: 'pack', doc: pack },
      `规则包 ${pack.id} 无法运行，未安装`,
      [],
      head,
    );
    const report = await runPackTests(pack);
    if (!report.passed) {
      throw new AppError('VALIDATION_FAILED', `规则包 ${pack.id} 的自测未通过，未安装`, testFailures(report));
    }
    const installed = await this.store.packs.install(account, pack.id, pack.version, pack, by, new Date(), head.seq);
    if (!installed) throw liveMoved(head.seq);
    await this.audit(account, by, preview.action === 'install' ? action : `pack.${preview.action}`, pack.id, {
      version: pack.version,
      previousVersion: preview.installedVersion,
      via: action,
    });
    return {
      id: pack.id,
      version: pack.version,
      action: preview.action,
      previousVersion: preview.installedVersion,
      enabled: installed.enabled,
      preview,
      tests: { passed: true, scenarios: report.scenarios.length },
    };
  }

  private checked(body: unknown): Pack {
    if (body === undefined || body === null)
      throw invalid('缺少规则包文档 (body required)', [{ path: '/', message: 'a pack document is required' }]);
    const result = checkPack(body);
    if (!result.ok) throw invalid('规则包不符合格式要求 (validation failed)', result.problems);
    return result.pack;
  }

  private async catalog(account: string): Promise<Map<string, { pack: Pack; origin: CatalogEntry['origin'] }>> {
    const out = new Map<string, { pack: Pack; origin: CatalogEntry['origin'] }>();
    for (const [id, pack] of this.builtin) out.set(id, { pack, origin: 'builtin' });
    // Imported documents were checked before they were stored (parse boundary).
    for (const imported of await this.store.packCatalog.list(account))
      out.set(imported.packId, { pack: imported.doc as Pack, origin: 'imported' });
    return out;
  }

  private async installedDoc(account: string, id: string, head?: WorkspaceHead): Promise<Pack | undefined> {
    const found = (await this.store.packs.list(account, head)).find((p) => p.packId === id);
    return found?.doc as Pack | undefined;
  }

  /** `head`: the live workspace the change is judged on (default: the current one). */
  private async accountView(account: string, id: string | undefined, head?: WorkspaceHead) {
    const pinned = head ?? (await this.store.versions.head(account));
    const [installed, published] = await Promise.all([
      this.store.packs.list(account, pinned),
      loadPublished(this.store, account, pinned),
    ]);
    const mine = installed.find((p) => p.packId === id);
    const groups: Array<{ group: KeywordGroup; owner: string }> = published.groups.map((group) => ({
      group,
      owner: '',
    }));
    for (const other of installed) {
      if (other.packId === id || !other.enabled) continue;
      for (const group of (other.doc as Pack).keywordGroups ?? []) groups.push({ group, owner: other.packId });
    }
    return { installed: mine ? { version: mine.version, doc: mine.doc as Pack } : null, groups };
  }

  private async audit(account: string, actor: string, action: string, target: string, detail: unknown): Promise<void> {
    await this.store.audit.append({ at: new Date(), account, actor, action, target, detail });
  }
}

function bodyId(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
