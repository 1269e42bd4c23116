// The import of `jixiao import --db postgresql://…`: the store and the queue on that server.
import type { ImportSettings } from "../import/importer.js";
import type { FileOutcome, ImportSummary } from "../import/summary.js";
import { importViaQueue } from "../queue/import.js";
import { openQueue, queueSettingsFor } from "../queue/queue.js";
import { openPgStore } from "../store/pg/store.js";
import type { Refused } from "../walk.js";

/** Given a postgresql:// URL, files and the import's settings, import them through the queue and return the summary. */
export async function importToServer(
  url: string,
  files: string[],
  refused: readonly Refused[],
  settings: Omit<ImportSettings, "window"> & { leaseSeconds?: number },
  onOutcome: (outcome: FileOutcome, summary: ImportSummary) => void,
): Promise<ImportSummary> {
  const store = await openPgStore(url, { connections: settings.workers + 2 });
  try {
    for (const r of refused)
      await store.recordImportError({ path: r.path, sha256: null, reason: r.reason, detail: r.detail });
    const boss = await openQueue(url);
    try {
      return await importViaQueue(
        store,
        boss,
        files,
        { ...settings, pollMs: 250, queue: queueSettingsFor(settings.timeoutMs, settings.leaseSeconds) },
        onOutcome,
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    await store.close();
  }
}
