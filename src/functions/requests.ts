/**
 * Every request the batcher queues: the stock functions (arguments.ts) and the item-catalogue functions
 * (catalogArguments.ts). One key space, so identical cells share one evaluation and one cache entry.
 */
import { requestKey, type StockRequest } from "./arguments";
import { catalogRequestKey, isCatalogRequest, type CatalogRequest } from "./catalogArguments";
import { isPlanRequest, planRequestKey, type PlanRequest } from "./planArguments";

export type InvRequest = StockRequest | CatalogRequest | PlanRequest;

export function invRequestKey(request: InvRequest): string {
  if (isPlanRequest(request)) return planRequestKey(request);
  return isCatalogRequest(request) ? catalogRequestKey(request) : requestKey(request);
}
