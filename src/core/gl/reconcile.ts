/**
 * Inventory – G/L reconciliation (costing.md §16.1): every inventoriable value entry projected onto
 * its accounts as if fully posted, compared with the G/L balances of the inventory accounts.
 */
import type { ItemBook } from "../book";
import type { Company } from "../company";
import type { Money } from "../money";

export interface Reconciliation {
  inventoryDifference: Money;
  interimDifference: Money;
  difference: Money;
}

export function reconcile(company: Company, books: readonly ItemBook[]): Reconciliation {
  let actual = 0;
  let expected = 0;
  for (const book of books) {
    for (const value of book.values) {
      if (!value.inventoriable) continue;
      actual += value.costAmountActual;
      expected += value.costAmountExpected;
    }
  }
  const balance = (account: string | null): Money => (account ? (company.glBalances[account] ?? 0) : 0);
  const { inventory, inventoryInTransit, inventoryInterim } = company.accounts;
  const inventoryBalance = balance(inventory) + (inventoryInTransit && inventoryInTransit !== inventory ? balance(inventoryInTransit) : 0);
  const inventoryDifference = actual - inventoryBalance;
  const interimDifference = (company.inventorySetup.expectedCostPosting ? expected : 0) - balance(inventoryInterim);
  return {
    inventoryDifference,
    interimDifference,
    difference: Math.abs(inventoryDifference) + Math.abs(interimDifference),
  };
}

export function reconciliationDifference(company: Company, books: readonly ItemBook[]): Money {
  return reconcile(company, books).difference;
}
