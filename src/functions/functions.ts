/**
 * The INV custom functions as Excel sees them: thin wrappers over the registry. The JSDoc below is the
 * source of functions.json (custom-functions-metadata-plugin), and the plugin appends the
 * `CustomFunctions.associate` calls at build time.
 *
 * Every argument is a matrix (excel.md §1.1 "ranges in, arrays out"): a range such as A2:A500 in `item`
 * returns a same-shaped array from one call, and each other argument is one value or a range of that same
 * shape, read element-wise. The TypeScript return type is inferred — a matrix, or a promise of one, since a
 * cached answer is returned synchronously — and `@returns {number[][]}` gives the metadata its matrix result.
 */
import { invAttr, invItem, invItems, invLedger, invPlan, invQty, invUnitCost, invValue } from "./registry";

/**
 * Quantity on hand: the sum of item ledger entry quantities posted on or before asOf.
 * @customfunction QTY
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter (1000|2000, 10*, blank = all), or a range of them.
 * @param [asOf] Cut-off date (a date cell or yyyy-mm-dd text; blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations), or a range of them.
 * @param [options] Text key=value;… — variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Quantity per item, same shape as item.
 */
export function qty(item: unknown[][], asOf?: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invQty(item, asOf, location, options, invocation);
}

/**
 * Inventory value: the sum of value-entry Cost Amount (Actual) dated on or before asOf (+ expected on request).
 * @customfunction VALUE
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter (1000|2000, 10*, blank = all), or a range of them.
 * @param [asOf] Cut-off date (a date cell or yyyy-mm-dd text; blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations), or a range of them.
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=posting|valuation, expected=TRUE, variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Value per item, same shape as item.
 */
export function value(item: unknown[][], asOf?: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invValue(item, asOf, location, basis, options, invocation);
}

/**
 * Average unit cost of the stock on hand: inventory value ÷ quantity at the same cut-off.
 * @customfunction UNITCOST
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter (1000|2000, 10*, blank = all), or a range of them.
 * @param [asOf] Cut-off date (a date cell or yyyy-mm-dd text; blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations), or a range of them.
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=posting|valuation, expected=TRUE, variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Unit cost per item, same shape as item.
 */
export function unitCost(item: unknown[][], asOf?: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invUnitCost(item, asOf, location, basis, options, invocation);
}

/**
 * An item's attribute value: its own value, else the default its category (or a parent category) gives.
 * @customfunction ATTR
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param attribute Attribute name (e.g. Color), or a range of them the same size as item.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} Attribute value per item, same shape as item.
 */
export function attr(item: unknown[][], attribute: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invAttr(item, attribute, invocation);
}

/**
 * An item card field by its Business Central caption.
 * @customfunction ITEM
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param field Caption: Description, Base Unit of Measure, Costing Method, Unit Cost, Standard Cost, Unit Price, Item Category Code, Inventory Posting Group, Blocked, Type, ...
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} Field value per item, same shape as item.
 */
export function item(item: unknown[][], field: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invItem(item, field, invocation);
}

/**
 * Items by category (a code or filter; child categories included) and attribute conditions, as a spill
 * with a header row when wider than one column.
 * @customfunction ITEMS
 * @requiresAddress
 * @cancelable
 * @param [category] Item category code or filter (BIKES, BIKES|ACCESS; blank = all items).
 * @param [attributeFilter] Conditions Name=v1|v2;Name=v (all must hold), also <>, <, <=, >, >=.
 * @param [fields] Columns as a ;-list of item card captions or attribute names (default No.;Description).
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per matching item, by number.
 */
export function items(category?: unknown[][], attributeFilter?: unknown[][], fields?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invItems(category, attributeFilter, fields, options, invocation);
}

/**
 * Available inventory now: on hand less quantity reserved against inventory, less unreserved lots expired at
 * asOf for items with strict expiration posting.
 * @customfunction AVAILABLE
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param [asOf] Date expired lots are judged at (blank = work date), or a range of them.
 * @param [location] Location code (blank = all locations), or a range of them.
 * @param [options] Text key=value;… — expired=include keeps expired lots.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Available quantity per item, same shape as item.
 */
export function available(item: unknown[][], asOf?: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.AVAILABLE(item, asOf, location, options, invocation);
}

/**
 * Projected available balance: on hand + scheduled receipts − gross requirement due on or before the date.
 * @customfunction PAB
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param date Projection date (a date cell or yyyy-mm-dd text), or a range of them.
 * @param [location] Location code (blank = all locations; transfers count only with a location).
 * @param [options] Reserved for future options.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Projected balance per item, same shape as item.
 */
export function pab(item: unknown[][], date: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.PAB(item, date, location, options, invocation);
}

/**
 * Quantity currently reserved.
 * @customfunction RESERVED
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param [location] Location code (blank = all locations).
 * @param [side] inventory (default: reserved on item ledger entries), supply or demand.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Reserved quantity per item, same shape as item.
 */
export function reserved(item: unknown[][], location?: unknown[][], side?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.RESERVED(item, location, side, invocation);
}

/**
 * On hand of one lot (or serial).
 * @customfunction LOTQTY
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param lot Lot number, or a range of them.
 * @param [asOf] Cut-off date (blank = work date).
 * @param [location] Location code (blank = all locations).
 * @param [serial] Serial number.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Quantity per item, same shape as item.
 */
export function lotqty(item: unknown[][], lot: unknown[][], asOf?: unknown[][], location?: unknown[][], serial?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.LOTQTY(item, lot, asOf, location, serial, invocation);
}

/**
 * Expiration date of a lot (or serial), as a date serial.
 * @customfunction EXPIRY
 * @requiresAddress
 * @cancelable
 * @param item Item number, or a range of them.
 * @param lot Lot number, or a range of them.
 * @param [serial] Serial number.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Expiration date per item, same shape as item.
 */
export function expiry(item: unknown[][], lot: unknown[][], serial?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.EXPIRY(item, lot, serial, invocation);
}

/**
 * How many of an assembly item the available components can make at the date.
 * @customfunction ABLETOMAKE
 * @requiresAddress
 * @cancelable
 * @param item Assembly item number, or a range of them.
 * @param [date] Availability date (blank = work date).
 * @param [location] Location code (blank = all locations).
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Able-to-make quantity per item, same shape as item.
 */
export function abletomake(item: unknown[][], date?: unknown[][], location?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.ABLETOMAKE(item, date, location, invocation);
}

/**
 * Lots and serials on hand: Lot No., Serial No., Location, Quantity, Expiration Date (spill).
 * @customfunction LOTS
 * @requiresAddress
 * @cancelable
 * @param item Item number.
 * @param [asOf] Cut-off date (blank = work date).
 * @param [location] Location code (blank = all locations).
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per lot/serial and location.
 */
export function lots(item: unknown[][], asOf?: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.LOTS(item, asOf, location, options, invocation);
}

/**
 * Item availability by periods (net change): Period Start, Period End, Inventory, Gross Requirement,
 * Scheduled Receipts, Projected Available Balance (spill).
 * @customfunction AVAILBYPERIOD
 * @requiresAddress
 * @cancelable
 * @param item Item number.
 * @param start First day (its period is the first row; blank = work date).
 * @param periodType Day, Week, Month, Quarter or Year.
 * @param count Number of periods.
 * @param [location] Location code (blank = all locations).
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per period.
 */
export function availbyperiod(item: unknown[][], start: unknown[][], periodType: unknown[][], count: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.AVAILBYPERIOD(item, start, periodType, count, location, options, invocation);
}

/**
 * Item availability by event: an Inventory row, then each supply or demand with the running projected
 * balance: Date, Event, Source Document, Location, Gross Requirement, Scheduled Receipts, Projected Available
 * Balance, Reserved (spill).
 * @customfunction AVAILBYEVENT
 * @requiresAddress
 * @cancelable
 * @param item Item number.
 * @param [from] First date (blank = from the beginning).
 * @param [to] Last date (blank = no end).
 * @param [location] Location code (blank = all locations).
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per event.
 */
export function availbyevent(item: unknown[][], from?: unknown[][], to?: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.AVAILBYEVENT(item, from, to, location, options, invocation);
}

/**
 * Item tracing of a lot or serial: the usage (where it went) or origin (where it came from) tree as rows
 * with their level, following applications, transfers and assembly (spill).
 * @customfunction TRACE
 * @requiresAddress
 * @cancelable
 * @param lot Lot number (blank when tracing a serial).
 * @param [serial] Serial number.
 * @param [method] Usage (default) or Origin.
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per traced entry, in tree order.
 */
export function trace(lot: unknown[][], serial?: unknown[][], method?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invPlan.TRACE(lot, serial, method, options, invocation);
}

/**
 * Cost of goods sold: minus the cost of value entries of sales dated in [from, to].
 * @customfunction COGS
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter (* = all), or a range of them.
 * @param from First date (blank = from the beginning), or a range of them.
 * @param to Last date (blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations).
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=posting|valuation, expected=TRUE, variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} COGS per item, same shape as item.
 */
export function cogs(item: unknown[][], from: unknown[][], to: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.COGS(item, from, to, location, basis, options, invocation);
}

/**
 * Inbound entries open at asOf with their remaining quantity and cost then: Entry No., Posting Date, Entry
 * Type, Location, Lot No., Serial No., Expiration Date, Remaining Qty, Remaining Cost (spill).
 * @customfunction OPENENTRIES
 * @requiresAddress
 * @cancelable
 * @param item Item number.
 * @param [asOf] Cut-off date (blank = work date).
 * @param [location] Location code or filter (blank = all locations).
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=, expected=, variant=, lot=, serial=, headers=FALSE.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per open entry.
 */
export function openentries(item: unknown[][], asOf?: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.OPENENTRIES(item, asOf, location, basis, options, invocation);
}

/**
 * Value on hand had the item always used another costing method (what-if; nothing is posted).
 * @customfunction VALUEASIF
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter, or a range of them.
 * @param method FIFO, LIFO, AVERAGE, STANDARD or SPECIFIC.
 * @param [asOf] Cut-off date (blank = work date).
 * @param [location] Location code or filter (blank = all locations).
 * @param [stdCost] STANDARD: cost per base unit (blank = the item's standard cost).
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} What-if value per item, same shape as item.
 */
export function valueasif(item: unknown[][], method: unknown[][], asOf?: unknown[][], location?: unknown[][], stdCost?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.VALUEASIF(item, method, asOf, location, stdCost, invocation);
}

/**
 * Cost of goods sold in [from, to] had the item always used another costing method (what-if).
 * @customfunction COGSASIF
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter, or a range of them.
 * @param method FIFO, LIFO, AVERAGE, STANDARD or SPECIFIC.
 * @param from First date (blank = from the beginning).
 * @param to Last date (blank = work date).
 * @param [location] Location code or filter (blank = all locations).
 * @param [stdCost] STANDARD: cost per base unit (blank = the item's standard cost).
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} What-if COGS per item, same shape as item.
 */
export function cogsasif(item: unknown[][], method: unknown[][], from: unknown[][], to: unknown[][], location?: unknown[][], stdCost?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.COGSASIF(item, method, from, to, location, stdCost, invocation);
}

/**
 * G/L balance at asOf minus the inventory-ledger amount the posting setup maps to the account; 0 when the
 * books reconcile.
 * @customfunction GLDIFF
 * @requiresAddress
 * @cancelable
 * @param account G/L account number or filter, or a range of them.
 * @param [asOf] Cut-off date (blank = work date).
 * @param [options] Reserved for future options.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Difference per account, same shape as account.
 */
export function gldiff(account: unknown[][], asOf?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.GLDIFF(account, asOf, options, invocation);
}

/**
 * The entries behind QTY, VALUE, COGS, PAB, AVAILABLE, RESERVED, LOTQTY or GLDIFF, ending with a Total row
 * equal to that function's result (spill).
 * @customfunction EXPLAIN
 * @requiresAddress
 * @cancelable
 * @param kind QTY, VALUE, COGS, PAB, AVAILABLE, RESERVED, LOTQTY or GLDIFF.
 * @param item Item number or filter (GLDIFF: the account).
 * @param [fromOrAsOf] COGS: first date; the others: asOf or date (blank = work date).
 * @param [to] COGS: last date (blank = work date).
 * @param [location] Location code or filter (blank = all locations).
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=, expected=, variant=, lot=, serial=, headers=FALSE, expired=include.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per entry, then Total.
 */
export function explain(kind: unknown[][], item: unknown[][], fromOrAsOf?: unknown[][], to?: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.EXPLAIN(kind, item, fromOrAsOf, to, location, basis, options, invocation);
}

/**
 * The work date stored with the company, as a date serial (not TODAY(): not volatile).
 * @customfunction WORKDATE
 * @requiresAddress
 * @cancelable
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} The work date.
 */
export function workdate(invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.WORKDATE(invocation);
}

/**
 * The ledger version, bumped by every posting, adjustment and restore.
 * @customfunction VERSION
 * @requiresAddress
 * @cancelable
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} The ledger version.
 */
export function version(invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.VERSION(invocation);
}

/**
 * Item age composition: remaining quantity and value of open receipts in three equal periods ending on
 * asOf, plus before and after (spill).
 * @customfunction AGING
 * @requiresAddress
 * @cancelable
 * @param item Item number.
 * @param asOf Ending date (blank = work date).
 * @param periodLength Date formula: 30D, 1W, 1M, 1Q or 1Y.
 * @param [location] Location code or filter (blank = all locations).
 * @param [options] Text key=value;… — variant=, lot=, serial=, headers=FALSE.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} Before, Period 1–3, After, Total.
 */
export function aging(item: unknown[][], asOf: unknown[][], periodLength: unknown[][], location?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.AGING(item, asOf, periodLength, location, options, invocation);
}

/**
 * Inventory valuation increases and decreases in [from, to]: quantity and value at start, increases,
 * decreases, at end (spill).
 * @customfunction INCDEC
 * @requiresAddress
 * @cancelable
 * @param item Item number or filter (blank = all).
 * @param from First date (blank = from the beginning).
 * @param to Last date (blank = work date).
 * @param [location] Location code or filter (blank = all locations).
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=, expected=, variant=, lot=, serial=, headers=FALSE.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} Header and one row of figures.
 */
export function incdec(item: unknown[][], from: unknown[][], to: unknown[][], location?: unknown[][], basis?: unknown[][], options?: unknown[][], invocation?: CustomFunctions.CancelableInvocation) {
  return invLedger.INCDEC(item, from, to, location, basis, options, invocation);
}
