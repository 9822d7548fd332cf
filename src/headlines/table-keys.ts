import { safeKey } from "../storage/table-limits";

export { safeKey };

/** A measure's RowKey: area, period, group and level, made key-safe (distinct inputs, distinct keys). */
export function measureRowKey(areaCode: string, period: string, groupKey: string, level: string | null): string {
  return safeKey(`${areaCode}|${period}|${groupKey}|${level ?? ""}`);
}
