/**
 * JSON with object keys in sorted order, so that the same records always give the same bytes whatever
 * order a store hands their fields out in (backup → restore → backup is byte-identical, excel.md §5).
 */

/** Refuses what JSON would silently turn into null: a backup must restore exactly what was stored. */
function checkNumber(value: number, path: string): void {
  if (!Number.isFinite(value)) throw new Error(`Cannot back up ${path}: the number ${value} has no JSON form.`);
}

export function canonicalJson(value: unknown, path = "record"): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      checkNumber(value, path);
      // -0 is written as 0, as JSON.stringify does: the engine yields -0 for a negated zero amount and
      // stores may or may not keep the sign, so the bytes depend only on values that compare unequal.
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new Error(`Cannot back up ${path}: a ${typeof value} has no JSON form.`);
  }
  if (Array.isArray(value)) {
    // As JSON.stringify does, holes and undefined inside arrays become null.
    return `[${value.map((element, at) => (element === undefined ? "null" : canonicalJson(element, `${path}[${at}]`))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], `${path}.${key}`)}`).join(",")}}`;
}
