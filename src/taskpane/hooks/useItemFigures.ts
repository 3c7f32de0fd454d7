/** The card's quick figures, re-read when the item or the ledger version changes. */
import { useEffect, useState } from "react";
import type { LedgerStore } from "../../core/ports";
import { itemFigures, type ItemFigures } from "../../functions/itemFigures";

export function useItemFigures(store: LedgerStore, no: string | null, version: number): ItemFigures | null {
  const [figures, setFigures] = useState<ItemFigures | null>(null);
  useEffect(() => {
    let current = true;
    if (no === null) {
      setFigures(null);
      return;
    }
    void itemFigures(store, no).then((read) => current && setFigures(read), () => current && setFigures(null));
    return () => {
      current = false;
    };
  }, [store, no, version]);
  return figures;
}
