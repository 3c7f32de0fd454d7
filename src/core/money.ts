/**
 * Exact fixed-point arithmetic for the ledgers.
 *
 * Every stored figure is a safe JavaScript integer counted in a fixed unit:
 *  - amounts (Money) in 1/100 of the currency (cents), the reference's amount precision 0.01;
 *  - quantities (Qty) in 1/100,000 of the base unit of measure, the reference's quantity precision;
 *  - unit costs (UnitCost) in 1/100,000 of the currency, the reference's unit-amount precision.
 * Products and quotients go through BigInt so that `round(a × b / c)` is exact and rounds half away
 * from zero, never through binary floating point (3.335 must round to 3.34). See docs/money.md.
 */

export type Money = number;
export type Qty = number;
export type UnitCost = number;

export const MONEY_SCALE = 100;
export const QTY_SCALE = 100_000;
export const UNIT_COST_SCALE = 100_000;

/** round(a × b / c), half away from zero, exact for any safe integers. */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError("mulDivRound: division by zero");
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number(divRoundBig(n, d));
}

/** floor(a × b / c) for a non-negative result, exact for any safe integers ("how many whole steps fit"). */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError("mulDivFloor: division by zero");
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  // BigInt division truncates toward zero; step down once for a negative inexact quotient.
  return Number(q * d !== n && (n < 0n) !== (d < 0n) ? q - 1n : q);
}

/** round(n / d), half away from zero, on BigInts. */
export function divRoundBig(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** round(a / c), half away from zero. */
export function divRound(a: number, c: number): number {
  return mulDivRound(a, 1, c);
}

/** Rounds an integer count of fine units to a coarser step (both in the same unit), half away from zero. */
export function roundToStep(value: number, step: number): number {
  if (step <= 1) return value;
  return mulDivRound(value, 1, step) * step;
}

/**
 * Parses a decimal number (as JSON or a cell gives it) into an integer count of 1/scale units, exactly:
 * the shortest decimal text of the double is used, so 0.1 becomes 10 cents, not 10.000000000000000555.
 * Refuses values that are not finite or that need more precision than the scale holds.
 */
/** Below this many units, two decimals one unit apart can never round to the same double (ULP < 1/4 unit). */
const EXACT_LIMIT = 2 ** 50;

/**
 * The fast path of toScaled (postings convert every number of every line, bench P1): value × scale when the
 * number is a decimal of at most the scale's digits — the rounded product maps back to the very same double,
 * and it is small enough that no other decimal of that precision does. Otherwise undefined (the exact path).
 */
function exactScaled(value: number, scale: number): number | undefined {
  const scaled = Math.round(value * scale);
  if (Math.abs(scaled) >= EXACT_LIMIT || scaled / scale !== value) return undefined;
  return scaled === 0 ? 0 : scaled;
}

export function toScaled(value: number | string, scale: number): number {
  const fast = typeof value === "number" ? exactScaled(value, scale) : undefined;
  if (fast !== undefined) return fast;
  const text = typeof value === "number" ? numberToPlainText(value) : value.trim();
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new RangeError(`'${value}' is not a number`);
  const digits = Math.round(Math.log10(scale));
  const whole = match[2] || "0";
  const fraction = match[3] ?? "";
  const kept = fraction.slice(0, digits).padEnd(digits, "0");
  const dropped = fraction.slice(digits);
  let scaled = BigInt(whole) * BigInt(scale) + BigInt(kept || "0");
  if (dropped !== "" && /[1-9]/.test(dropped)) {
    // More digits than the unit holds: round half away from zero on the first dropped digit.
    if (dropped.charCodeAt(0) >= 53) scaled += 1n;
  }
  const result = Number(match[1] === "-" ? -scaled : scaled);
  if (!Number.isSafeInteger(result)) throw new RangeError(`'${value}' is too large`);
  return result;
}

/** Exact: true when the decimal value fits the scale without rounding. */
export function fitsScale(value: number | string, scale: number): boolean {
  if (typeof value === "number" && exactScaled(value, scale) !== undefined) return true;
  const text = typeof value === "number" ? numberToPlainText(value) : value.trim();
  const fraction = /\.(\d*)$/.exec(text)?.[1] ?? "";
  return fraction.replace(/0+$/, "").length <= Math.round(Math.log10(scale));
}

/** Converts an integer count of 1/scale units back to a JS number for display and comparison. */
export function fromScaled(value: number, scale: number): number {
  return Number(scaledToText(value, scale));
}

/** Decimal text of a scaled integer without floating point, trailing zeros trimmed ("12.5", "-0.01"). */
export function scaledToText(value: number, scale: number): string {
  const digits = Math.round(Math.log10(scale));
  const negative = value < 0;
  const abs = String(Math.abs(value)).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? "." + fraction : ""}`;
}

/** The shortest decimal text of a finite number, never in exponent notation (exported for tests). */
export function numberToPlainText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`'${value}' is not a finite number`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Expand exponent notation (1e-7, 1.5e+21) into plain decimal text.
  const [mantissa, exponentText] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [intPart, fracPart = ""] = mantissa.replace("-", "").split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  const plain =
    point <= 0
      ? "0." + "0".repeat(-point) + digits
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : digits.slice(0, point) + "." + digits.slice(point);
  return (negative ? "-" : "") + plain;
}

export const money = (value: number | string): Money => toScaled(value, MONEY_SCALE);
export const qty = (value: number | string): Qty => toScaled(value, QTY_SCALE);
export const unitCost = (value: number | string): UnitCost => toScaled(value, UNIT_COST_SCALE);
export const moneyToNumber = (value: Money): number => fromScaled(value, MONEY_SCALE);
export const qtyToNumber = (value: Qty): number => fromScaled(value, QTY_SCALE);
export const unitCostToNumber = (value: UnitCost): number => fromScaled(value, UNIT_COST_SCALE);

/** round(quantity × unit cost) in cents: Qty (1e-5) × UnitCost (1e-5) → Money (1e-2). */
export function amountOf(quantity: Qty, cost: UnitCost): Money {
  return mulDivRound(quantity, cost, (QTY_SCALE * UNIT_COST_SCALE) / MONEY_SCALE);
}

/** Unit cost (1e-5) of an amount spread over a quantity, rounded to the unit-amount precision. */
export function unitCostOf(amount: Money, quantity: Qty): UnitCost {
  return mulDivRound(amount, (QTY_SCALE * UNIT_COST_SCALE) / MONEY_SCALE, quantity);
}

/** The share of `amount` that belongs to `part` of `whole` quantity: round(amount × part / whole). */
export function shareOf(amount: Money, part: Qty, whole: Qty): Money {
  return mulDivRound(amount, part, whole);
}
