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
import { invAttr, invItem, invItems, invQty, invUnitCost } from "./registry";

/**
 * Quantity on hand: the sum of item ledger entry quantities posted on or before asOf.
 * @customfunction QTY
 * @cancelable
 * @param item Item number or filter (1000|2000, 10*, blank = all), or a range of them.
 * @param [asOf] Cut-off date (a date cell or yyyy-mm-dd text; blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations), or a range of them.
 * @param [options] Text key=value;… — variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Quantity per item, same shape as item.
 */
export function qty(
  item: unknown[][],
  asOf?: unknown[][],
  location?: unknown[][],
  options?: unknown[][],
  invocation?: CustomFunctions.CancelableInvocation,
) {
  return invQty(item, asOf, location, options, invocation);
}

/**
 * Average unit cost of the stock on hand: inventory value ÷ quantity at the same cut-off.
 * @customfunction UNITCOST
 * @cancelable
 * @param item Item number or filter (1000|2000, 10*, blank = all), or a range of them.
 * @param [asOf] Cut-off date (a date cell or yyyy-mm-dd text; blank = work date), or a range of them.
 * @param [location] Location code or filter (blank = all locations), or a range of them.
 * @param [basis] posted (default) or adjusted.
 * @param [options] Text key=value;… — date=posting|valuation, expected=TRUE, variant=, lot=, serial=.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {number[][]} Unit cost per item, same shape as item.
 */
export function unitCost(
  item: unknown[][],
  asOf?: unknown[][],
  location?: unknown[][],
  basis?: unknown[][],
  options?: unknown[][],
  invocation?: CustomFunctions.CancelableInvocation,
) {
  return invUnitCost(item, asOf, location, basis, options, invocation);
}

/**
 * An item's attribute value: its own value, else the default its category (or a parent category) gives.
 * @customfunction ATTR
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
 * @cancelable
 * @param item Item number, or a range of them.
 * @param field Caption: Description, Base Unit of Measure, Costing Method, Unit Cost, Standard Cost, Unit Price, Item Category Code, Blocked, Type, ...
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
 * @cancelable
 * @param [category] Item category code or filter (BIKES, BIKES|ACCESS; blank = all items).
 * @param [attributeFilter] Conditions Name=v1|v2;Name=v (all must hold), also <>, <, <=, >, >=.
 * @param [fields] Columns as a ;-list of item card captions or attribute names (default No.;Description).
 * @param [options] Text key=value;… — headers=FALSE drops the header row.
 * @param [invocation] Supplied by Excel: cancels the queued request when the cell no longer needs it.
 * @returns {any[][]} One row per matching item, by number.
 */
export function items(
  category?: unknown[][],
  attributeFilter?: unknown[][],
  fields?: unknown[][],
  options?: unknown[][],
  invocation?: CustomFunctions.CancelableInvocation,
) {
  return invItems(category, attributeFilter, fields, options, invocation);
}
