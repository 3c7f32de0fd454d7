/**
 * The INV functions by name, for every caller: Excel (functions.ts registers them through the metadata
 * plugin), the workbench's formula parser and tests all run the same implementations over the same
 * batcher. The page binds the store once at startup with `configureFunctions`.
 */
import type { LedgerStore } from "../core/ports";
import { basisArgument, codeText, dateArgument, optionsArgument, type InvFunctionName } from "./arguments";
import { FunctionBatcher, type FlushStats, type LedgerChange } from "./batcher";
import { itemsRequest, nameArgument } from "./catalogArguments";
import { cancelSignalOf, evaluateCells, evaluateSpill, type RequestFields, type ResultMatrix } from "./cells";
import type { AnswerReads } from "./cellRegistry";
import type { CommitScope } from "./commitScope";
import { observeCommits } from "./observedStore";
import { planFunctions } from "./planFunctions";
import { ledgerFunctions } from "./ledgerFunctions";

export type { CellValueOut, ResultMatrix } from "./cells";
/** A matrix result, synchronous when every cell was answered from the cache. */
export type InvFunction = (...args: unknown[]) => ResultMatrix | Promise<ResultMatrix>;

/**
 * One batcher per page, even if the bundle were loaded twice (two webpack entries without a shared
 * runtime chunk would otherwise get two caches and two store bindings). The global holds a function, not
 * the batcher itself, so that nothing walks into its mutable state through globalThis (Jest's globals
 * cleanup rewrites every property it can reach).
 */
function pageBatcher(): FunctionBatcher {
  const page = globalThis as { __invFunctionBatcher?: () => FunctionBatcher };
  if (!page.__invFunctionBatcher) {
    const batcher = new FunctionBatcher();
    page.__invFunctionBatcher = () => batcher;
  }
  return page.__invFunctionBatcher();
}

/** Commits announced to the other add-in runtimes of this origin, which share the IndexedDB store. */
export const CHANGE_CHANNEL = "inventory-ledger:changes";

/** Told of each commit with what the function cache made of it (commitScope.ts). */
export type CommitListener = (change: LedgerChange, scope: CommitScope) => void;

/** This page's listeners: `local` for its own commits, `remote` for other runtimes' (set by configureFunctions). */
let listeners: { local?: CommitListener; remote?: CommitListener } = {};

/**
 * One path for every commit, made here or by another runtime: the cache drops what it made stale, then
 * the listener (the targeted refresh of excel.md §2.2) hears the same scope.
 */
function applyCommit(change: LedgerChange, origin: "local" | "remote"): void {
  const scope = pageBatcher().invalidate(change);
  listeners[origin]?.(change, scope);
}

/**
 * Rule 9 (cross-workbook coherence): IndexedDB is per origin, so every open workbook reads the same store;
 * each commit is broadcast, invalidates the other runtimes' caches and refreshes their INV cells. One
 * channel per module instance: a duplicated module would only post twice, which costs a cache miss and a
 * second refresh, never a stale answer.
 */
let changeChannel: BroadcastChannel | undefined;

function pageChannel(): BroadcastChannel | undefined {
  if (!changeChannel && typeof BroadcastChannel !== "undefined") {
    changeChannel = new BroadcastChannel(CHANGE_CHANNEL);
    changeChannel.onmessage = (event: MessageEvent<LedgerChange>) => applyCommit(event.data, "remote");
  }
  return changeChannel;
}

/** Closes this page's change channel (tests: an open channel outlives the test file). */
export function closeChangeChannel(): void {
  changeChannel?.close();
  changeChannel = undefined;
}

export interface FunctionsConfig {
  store: LedgerStore;
  /** Announce commits to other runtimes and listen to theirs; default: in a browser page only. */
  broadcast?: boolean;
  /** Also told of each commit of this page (the targeted refresh of excel.md §2.2 collects touched items). */
  onCommit?: CommitListener;
  /** Told of each commit another runtime broadcast (rule 9: the pane refreshes the INV cells it made stale). */
  onRemoteCommit?: CommitListener;
}

/**
 * Binds the store the functions read. Returns the same store wrapped so that its commits refresh the
 * function cache, here and (broadcast) in other runtimes: the page must post through the returned store
 * (or call `notifyLedgerChanged`).
 */
export function configureFunctions({ store, broadcast = typeof window !== "undefined", onCommit, onRemoteCommit }: FunctionsConfig): LedgerStore {
  pageBatcher().setStore(store);
  listeners = { local: onCommit, remote: onRemoteCommit };
  const channel = broadcast ? pageChannel() : undefined;
  return observeCommits(store, (change) => {
    channel?.postMessage(change);
    applyCommit(change, "local");
  });
}

/** Reports a change made outside the wrapped store (another runtime, a restore). */
export function notifyLedgerChanged(change: LedgerChange): void {
  pageBatcher().invalidate(change);
}

/** The items the cached answer under `key` read (cellRegistry.ts resolves a cell's dependencies with it). */
export function itemsReadBy(key: string): AnswerReads | undefined {
  return pageBatcher().itemsReadBy(key);
}

export function functionStats(): FlushStats {
  return pageBatcher().stats();
}

export function resetFunctionStats(): void {
  pageBatcher().resetStats();
}

/** Runs the queued invocations now instead of waiting for the timer (tests, diagnostics). */
export function flushFunctions(): Promise<void> {
  return pageBatcher().flush();
}

const qtyFields: RequestFields = (argument) => ({
  asOf: dateArgument(argument("asOf")),
  location: codeText(argument("location"), "location"),
  basis: "posted",
  options: optionsArgument(argument("options")),
});

const unitCostFields: RequestFields = (argument) => ({
  ...qtyFields(argument),
  basis: basisArgument(argument("basis")),
});

/** INV.QTY(item, [asOf], [location], [options]) — excel.md §1.2; Excel appends its invocation. */
export function invQty(item: unknown, asOf?: unknown, location?: unknown, options?: unknown, invocation?: unknown) {
  const others = { asOf, location, options };
  return evaluateCells(pageBatcher(), item, others, (code, argument) => ({ fn: "QTY", item: code, ...qtyFields(argument) }), cancelSignalOf(invocation));
}

/** INV.UNITCOST(item, [asOf], [location], [basis], [options]) — excel.md §1.2; Excel appends its invocation. */
export function invUnitCost(
  item: unknown,
  asOf?: unknown,
  location?: unknown,
  basis?: unknown,
  options?: unknown,
  invocation?: unknown,
) {
  const others = { asOf, location, basis, options };
  const build = (code: string, argument: (name: string) => unknown) => ({ fn: "UNITCOST" as const, item: code, ...unitCostFields(argument) });
  return evaluateCells(pageBatcher(), item, others, build, cancelSignalOf(invocation));
}

/** INV.VALUE(item, [asOf], [location], [basis], [options]) — excel.md §1.2; Excel appends its invocation. */
export function invValue(item: unknown, asOf?: unknown, location?: unknown, basis?: unknown, options?: unknown, invocation?: unknown) {
  const others = { asOf, location, basis, options };
  const build = (code: string, argument: (name: string) => unknown) => ({ fn: "VALUE" as const, item: code, ...unitCostFields(argument) });
  return evaluateCells(pageBatcher(), item, others, build, cancelSignalOf(invocation));
}

/** INV.ATTR(item, attribute) — excel.md §1.2: the item's effective attribute value (inherited or its own). */
export function invAttr(item: unknown, attribute?: unknown, invocation?: unknown) {
  const build = (code: string, argument: (name: string) => unknown) => ({ fn: "ATTR" as const, item: code, attribute: nameArgument(argument("attribute"), "attribute") });
  return evaluateCells(pageBatcher(), item, { attribute }, build, cancelSignalOf(invocation));
}

/** INV.ITEM(item, field) — excel.md §1.2: an item card field by its BC caption. */
export function invItem(item: unknown, field?: unknown, invocation?: unknown) {
  const build = (code: string, argument: (name: string) => unknown) => ({ fn: "ITEM" as const, item: code, field: nameArgument(argument("field"), "field") });
  return evaluateCells(pageBatcher(), item, { field }, build, cancelSignalOf(invocation));
}

/** The single value of an argument Excel passes as a matrix (INV.ITEMS takes scalars). */
function single(value: unknown): unknown {
  return Array.isArray(value) ? single(value[0]) : value;
}

/** INV.ITEMS([category], [attributeFilter], [fields], [options]) — excel.md §1.2, spill. */
export function invItems(category?: unknown, attributeFilter?: unknown, fields?: unknown, options?: unknown, invocation?: unknown) {
  const build = () => itemsRequest(single(category), single(attributeFilter), single(fields), single(options));
  return evaluateSpill(pageBatcher(), build, cancelSignalOf(invocation));
}

/** INV.AVAILABLE … INV.TRACE (planFunctions.ts) over this page's batcher. */
export const invPlan = planFunctions(pageBatcher);

/** INV.COGS … INV.VERSION (ledgerFunctions.ts) over this page's batcher. */
export const invLedger = ledgerFunctions(pageBatcher);

export const invFunctions: Record<InvFunctionName, InvFunction> = {
  ...invPlan,
  ...invLedger,
  QTY: invQty,
  VALUE: invValue,
  UNITCOST: invUnitCost,
  ATTR: invAttr,
  ITEM: invItem,
  ITEMS: invItems,
};
