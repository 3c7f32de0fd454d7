// jsdom lacks structuredClone, which Dexie and fake-indexeddb need.
import * as v8 from "node:v8";
if (typeof (globalThis as { structuredClone?: unknown }).structuredClone !== "function") {
  (globalThis as { structuredClone?: unknown }).structuredClone = (value: unknown) => v8.deserialize(v8.serialize(value));
}
require("fake-indexeddb/auto");
