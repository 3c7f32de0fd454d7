/**
 * JSON with object keys in sorted order, so that the same records always give the same bytes whatever
 * order a store hands their fields out in (backup → restore → backup is byte-identical, excel.md §5).
 * Fast path: JSON.stringify with an array replacer writes every object's properties in the order of
 * that array, so one walk collects the keys (and refuses what JSON would silently change) and the
 * native serializer does the rest — several times faster than building the text in script.
 */

/** Collects every object key under `value`; throws on values JSON would drop or turn into null. */
function collectKeys(value: unknown, keys: Set<string>, path: string): void {
  switch (typeof value) {
    case "number":
      // -0 stays -0 here and is written as 0, as JSON does: stores may or may not keep the sign.
      if (!Number.isFinite(value)) throw new Error(`Cannot back up ${path}: the number ${value} has no JSON form.`);
      return;
    case "string":
    case "boolean":
    case "undefined":
      return;
    case "object":
      break;
    default:
      throw new Error(`Cannot back up ${path}: a ${typeof value} has no JSON form.`);
  }
  if (value === null) return;
  if (Array.isArray(value)) {
    for (const element of value) collectKeys(element, keys, path);
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    keys.add(key);
    collectKeys(field, keys, `${path}.${key}`);
  }
}

export function canonicalJson(value: unknown, path = "record"): string {
  const keys = new Set<string>();
  collectKeys(value, keys, path);
  return JSON.stringify(value, [...keys].sort()) ?? "null";
}
