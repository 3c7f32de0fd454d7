/**
 * Fault injection (issue 8, item 1): a plan that fails the k-th storage call, applied at two depths —
 * inside Dexie (a DBCore middleware under every table operation, so it reaches into replaceAll and
 * whatever layout the store has) and at the LedgerStore port (every port and transaction method).
 * "throw" rejects the call; "abort" also aborts the IndexedDB transaction, as a quota error does.
 */
import type Dexie from "dexie";
import type { DBCore, DBCoreTable, DBCoreTransaction } from "dexie";
import type { LedgerStore, LedgerTransaction } from "../../src/core/ports";

export type FaultMode = "throw" | "abort";

export class FaultPlan {
  /** Calls counted while armed (or while counting a clean run). */
  calls = 0;
  fired = false;
  private failAt: number | null = null;
  private counting = false;

  constructor(readonly mode: FaultMode = "throw") {}

  /** Counts calls without failing (the clean run that tells how many injection points there are). */
  count(): void {
    this.calls = 0;
    this.failAt = null;
    this.fired = false;
    this.counting = true;
  }

  arm(failAt: number): void {
    this.count();
    this.failAt = failAt;
  }

  disarm(): void {
    this.counting = false;
    this.failAt = null;
  }

  /** Called by the wrappers before each storage call; returns the error to fail it with, if any. */
  next(): Error | null {
    if (!this.counting) return null;
    this.calls++;
    if (this.calls !== this.failAt) return null;
    this.fired = true;
    return new Error(`injected fault at storage call ${this.calls} (${this.mode})`);
  }
}

const TABLE_OPERATIONS = ["get", "getMany", "query", "openCursor", "count", "mutate"] as const;

/** Installs the plan under every Dexie table operation. Call before the database is first opened. */
export function injectDexieFaults(db: Dexie, plan: FaultPlan): void {
  db.use({
    stack: "dbcore",
    name: "fault-injection",
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          const wrapped: Record<string, unknown> = { ...table };
          for (const operation of TABLE_OPERATIONS) {
            const original = table[operation].bind(table) as (req: { trans: DBCoreTransaction }) => Promise<unknown>;
            wrapped[operation] = (req: { trans: DBCoreTransaction }) => {
              const fault = plan.next();
              if (!fault) return original(req);
              if (plan.mode === "abort") (req.trans as unknown as IDBTransaction).abort();
              return Promise.reject(fault);
            };
          }
          return wrapped as unknown as DBCoreTable;
        },
      };
    },
  });
}

/** The same plan at the port: every LedgerStore and LedgerTransaction method is a storage call. */
export function injectPortFaults(store: LedgerStore, plan: FaultPlan): LedgerStore {
  const call = <T>(run: () => Promise<T>): Promise<T> => {
    const fault = plan.next();
    return fault ? Promise.reject(fault) : run();
  };
  // A proxy, so that methods the port gains later (optional readers) are storage calls too.
  const methodsOf = (tx: LedgerTransaction): LedgerTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => call(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  return {
    transact: (work) => call(() => store.transact((tx) => work(methodsOf(tx)))),
    read: (work) => call(() => store.read((tx) => work(methodsOf(tx as LedgerTransaction)))),
    exportAll: () => call(() => store.exportAll()),
    replaceAll: (snapshot) => call(() => store.replaceAll(snapshot)),
  };
}
