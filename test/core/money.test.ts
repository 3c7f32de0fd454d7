/**
 * Scaled-integer money (docs/money.md): exact decimal input, rounding half away from zero in
 * BigInt, and the conversions at the edges. The property compares mulDivRound and mulDivFloor
 * with exact rational arithmetic over BigInts, far beyond the range where floats stay exact.
 */
import fc from "fast-check";
import {
  amountOf, fitsScale, money, moneyToNumber, mulDivFloor, mulDivRound, qty, scaledToText, shareOf, toScaled, unitCost, unitCostOf,
  MONEY_SCALE, QTY_SCALE,
} from "../../src/core/money";

describe("decimal input is read exactly", () => {
  test("from the shortest decimal text of the number, not its binary value", () => {
    expect(money(0.1)).toBe(10);
    expect(money(0.1 + 0.2)).toBe(30); // 0.30000000000000004 rounds back to 30 cents
    expect(money("1234.56")).toBe(123456);
    expect(qty(0.83333)).toBe(83333);
    expect(unitCost(5.48387)).toBe(548387);
    expect(toScaled(1e-7, QTY_SCALE)).toBe(0);
  });

  test("rounds extra digits half away from zero; refuses what is not a number or too large", () => {
    expect(money("3.335")).toBe(334);
    expect(money("-3.335")).toBe(-334);
    expect(money("3.334999")).toBe(333);
    expect(() => money("abc")).toThrow(RangeError);
    expect(() => money(NaN)).toThrow(RangeError);
    expect(() => money(Infinity)).toThrow(RangeError);
    expect(() => money(1e17)).toThrow(/too large/);
  });

  test("fitsScale tells whether a value needs rounding", () => {
    expect(fitsScale(10.25, MONEY_SCALE)).toBe(true);
    expect(fitsScale("10.250", MONEY_SCALE)).toBe(true);
    expect(fitsScale(10.255, MONEY_SCALE)).toBe(false);
  });

  test("scaled values print and convert back without floating point", () => {
    expect(scaledToText(-1, MONEY_SCALE)).toBe("-0.01");
    expect(scaledToText(123400, MONEY_SCALE)).toBe("1234");
    expect(moneyToNumber(money(920))).toBe(920);
  });
});

describe("products and quotients", () => {
  test("amounts, unit costs and shares round half away from zero", () => {
    expect(amountOf(qty(3), unitCost(3.335))).toBe(1001); // 10.005 → 10.01
    expect(amountOf(qty(-1), unitCost(3.335))).toBe(-334);
    expect(unitCostOf(money(10), qty(3))).toBe(333333); // 3.33333
    expect(shareOf(money(10), qty(1), qty(3))).toBe(333);
    expect(shareOf(money(10), qty(2), qty(3))).toBe(667);
  });

  const bigRound = (a: bigint, b: bigint, c: bigint): bigint => {
    const n = a * b;
    const sign = (n < 0n) !== (c < 0n) ? -1n : 1n;
    const [an, ac] = [n < 0n ? -n : n, c < 0n ? -c : c];
    return sign * ((2n * an + ac) / (2n * ac));
  };
  const safe = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
  const divisor = fc.integer({ min: 1, max: 2 ** 40 }).chain((d) => fc.constantFrom(d, -d));

  test("mulDivRound equals exact rational rounding (property)", () => {
    fc.assert(
      fc.property(safe, safe, divisor, (a, b, c) => {
        const expected = bigRound(BigInt(a), BigInt(b), BigInt(c));
        fc.pre(expected >= BigInt(Number.MIN_SAFE_INTEGER) && expected <= BigInt(Number.MAX_SAFE_INTEGER));
        return BigInt(mulDivRound(a, b, c)) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  test("mulDivFloor is the floor of the exact quotient (property)", () => {
    fc.assert(
      fc.property(safe, safe, divisor, (a, b, c) => {
        const result = BigInt(mulDivFloor(a, b, c));
        const n = BigInt(a) * BigInt(b);
        const d = BigInt(c);
        // floor: result ≤ n/d < result + 1, checked without division.
        const lower = d > 0n ? result * d <= n : result * d >= n;
        const upper = d > 0n ? (result + 1n) * d > n : (result + 1n) * d < n;
        fc.pre(result >= BigInt(Number.MIN_SAFE_INTEGER) && result <= BigInt(Number.MAX_SAFE_INTEGER));
        return lower && upper;
      }),
      { numRuns: 2000 },
    );
  });

  test("division by zero is refused", () => {
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivFloor(1, 1, 0)).toThrow(RangeError);
  });
});
