/** The item list of the Items screen, reloaded after every change the pane makes. */
import { useCallback, useEffect, useState } from "react";
import type { LedgerStore } from "../../core/ports";
import type { Item } from "../../core/types";

export interface ItemsState {
  items: Item[] | null;
  loadError: string | null;
  reload(): Promise<void>;
}

export function useItems(store: LedgerStore): ItemsState {
  const [items, setItems] = useState<Item[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setItems(await store.read((tx) => tx.items()));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, loadError, reload };
}
