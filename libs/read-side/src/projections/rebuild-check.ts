import { Database, Queryable } from '@coalition/platform';
import { Projection } from './projection';
import { PROJECTION_LOCK } from './projection-runner';
import { rebuildWithin } from './rebuild';

export interface RebuildComparison {
  matches: boolean;
  /** Per table, rows (as JSON) that only the live read model has, and rows only the rebuild has; a few of each. */
  differences: { table: string; onlyLive: string[]; onlyRebuilt: string[] }[];
}

class RolledBack extends Error {}

/**
 * Are the live read models exactly what a rebuild from the event store would make? Evidence
 * that no event was lost or applied twice on the way (through outages, crashes, redeliveries).
 * The rebuild runs in a transaction that is rolled back, holding the projection lock so live
 * projections pause meanwhile: the read models are left as they were. Meaningful once the
 * projections have caught up (a read at the head position answers).
 */
export async function readModelsMatchRebuild(db: Database, projections: readonly Projection[]): Promise<RebuildComparison> {
  const tables = [...new Set(projections.flatMap((p) => p.tables))].sort();
  let comparison: RebuildComparison | undefined;
  try {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_LOCK]);
      const live = await snapshot(tx, tables);
      await rebuildWithin(tx, projections);
      comparison = compare(live, await snapshot(tx, tables));
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  if (!comparison) throw new Error('the comparison did not run');
  return comparison;
}

async function snapshot(tx: Queryable, tables: readonly string[]): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (const table of tables) {
    const result = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    rows.set(table, result.map((r) => r.row));
  }
  return rows;
}

function compare(live: Map<string, string[]>, rebuilt: Map<string, string[]>): RebuildComparison {
  const differences: RebuildComparison['differences'] = [];
  for (const [table, liveRows] of live) {
    const rebuiltRows = new Set(rebuilt.get(table) ?? []);
    const liveSet = new Set(liveRows);
    const onlyLive = liveRows.filter((row) => !rebuiltRows.has(row));
    const onlyRebuilt = [...rebuiltRows].filter((row) => !liveSet.has(row));
    if (onlyLive.length > 0 || onlyRebuilt.length > 0 || liveRows.length !== (rebuilt.get(table) ?? []).length) {
      differences.push({ table, onlyLive: onlyLive.slice(0, 5), onlyRebuilt: onlyRebuilt.slice(0, 5) });
    }
  }
  return { matches: differences.length === 0, differences };
}
