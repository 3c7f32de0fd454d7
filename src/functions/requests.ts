/**
 * Every request the batcher queues: the stock functions (arguments.ts), the item-catalogue functions
 * (catalogArguments.ts), the planning functions (planArguments.ts) and the valuation and ledger functions
 * (ledgerArguments.ts). One key space, so identical cells share one evaluation and one cache entry.
 */
import { requestKey, type StockRequest } from "./arguments";
import { catalogRequestKey, isCatalogRequest, type CatalogRequest } from "./catalogArguments";
import { isLedgerRequest, ledgerRequestKey, type LedgerRequest } from "./ledgerArguments";
import { isPlanRequest, planRequestKey, type PlanRequest } from "./planArguments";

export type InvRequest = StockRequest | CatalogRequest | PlanRequest | LedgerRequest;

export function invRequestKey(request: InvRequest): string {
  if (isPlanRequest(request)) return planRequestKey(request);
  if (isLedgerRequest(request)) return ledgerRequestKey(request);
  return isCatalogRequest(request) ? catalogRequestKey(request) : requestKey(request);
}
