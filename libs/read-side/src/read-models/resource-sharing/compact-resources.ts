import { fromHundredths } from '@coalition/domain';
import { CompactResourcesView } from './resource-sharing.views';

type Row = Record<string, unknown>;

/** The rows a compact's totals are summed from, each grouped by state, resource type and unit. */
export interface CompactResourceRows {
  pledges: Row[];
  requests: Row[];
  given: Row[];
  received: Row[];
}

/** Sums a compact's pledges, requests and agreed offers into one row per pool and one per state's ledger, in key order. */
export function tallyCompactResources({ pledges, requests, given, received }: CompactResourceRows): CompactResourcesView {
  const pools = new Map<string, { resourceType: string; unit: string; pledged: number; reserved: number; requested: number; accepted: number }>();
  const states = new Map<string, { stateCode: string; resourceType: string; unit: string; pledged: number; given: number; received: number }>();
  const pool = (row: Row) => {
    const key = `${row.resource_type}\u0000${row.unit}`;
    let entry = pools.get(key);
    if (!entry) pools.set(key, (entry = { resourceType: String(row.resource_type), unit: String(row.unit), pledged: 0, reserved: 0, requested: 0, accepted: 0 }));
    return entry;
  };
  const ledger = (row: Row) => {
    const key = `${row.state_code}\u0000${row.resource_type}\u0000${row.unit}`;
    let entry = states.get(key);
    if (!entry) {
      states.set(key, (entry = { stateCode: String(row.state_code), resourceType: String(row.resource_type), unit: String(row.unit), pledged: 0, given: 0, received: 0 }));
    }
    return entry;
  };
  for (const row of pledges) {
    const entry = pool(row);
    entry.pledged += Number(row.pledged);
    entry.reserved += Number(row.reserved);
    ledger(row).pledged += Number(row.pledged);
  }
  for (const row of requests) {
    const entry = pool(row);
    entry.requested += Number(row.requested);
    entry.accepted += Number(row.accepted);
    ledger(row);
  }
  for (const row of given) ledger(row).given += Number(row.quantity);
  for (const row of received) ledger(row).received += Number(row.quantity);

  const byKey = <T>(entries: Map<string, T>) => [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
  return {
    pools: byKey(pools).map((p) => ({
      resourceType: p.resourceType,
      unit: p.unit,
      pledged: fromHundredths(p.pledged),
      reserved: fromHundredths(p.reserved),
      available: fromHundredths(p.pledged - p.reserved),
      requested: fromHundredths(p.requested),
      accepted: fromHundredths(p.accepted),
      outstanding: fromHundredths(p.requested - p.accepted),
    })),
    states: byKey(states).map((s) => ({
      stateCode: s.stateCode,
      resourceType: s.resourceType,
      unit: s.unit,
      pledged: fromHundredths(s.pledged),
      given: fromHundredths(s.given),
      received: fromHundredths(s.received),
    })),
  };
}
