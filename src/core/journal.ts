/**
 * An item journal line as the user or a document gives it: plain decimal numbers, codes as text.
 * The engine converts numbers to scaled integers at this boundary and names the line and field of
 * anything it refuses.
 */
import type { IsoDate, SourceType } from "./types";

export type JournalEntryType = "Purchase" | "Sale" | "PositiveAdjmt" | "NegativeAdjmt" | "Transfer";

export interface JournalLine {
  /** 1-based line number used in error messages (defaults to the position in the batch). */
  lineNo?: number;
  postingDate: IsoDate;
  entryType: JournalEntryType;
  documentNo?: string;
  item: string;
  variant?: string;
  location: string;
  newLocation?: string;
  /** Positive; the entry type gives the sign. In `unitOfMeasure` when given, else the base unit. */
  quantity: number;
  unitOfMeasure?: string;
  /** true: a purchase return (outbound) or a sales return (inbound). */
  return?: boolean;
  /** Default: the whole quantity; 0 = received or shipped, not invoiced. */
  invoicedQuantity?: number;
  unitCost?: number;
  amount?: number;
  unitAmount?: number;
  unitPrice?: number;
  appliesToEntry?: number;
  appliesFromEntry?: number;
  serialNo?: string;
  lotNo?: string;
  expirationDate?: IsoDate | null;
  newSerialNo?: string;
  newLotNo?: string;
  newExpirationDate?: IsoDate | null;
  responsibilityCenter?: string;
  /** The vendor (purchases) or customer (sales) of the document; the type defaults from the entry type. */
  sourceNo?: string;
  sourceType?: SourceType;
  /** Assemble-to-order shipment: how much of it to assemble (default: as much as the linked order has left). */
  quantityToAssemble?: number;
}
