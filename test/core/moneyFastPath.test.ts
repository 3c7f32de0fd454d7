/** The fast path of toScaled/fitsScale (bench P1) gives exactly what the decimal-text path gives. */
import fc from "fast-check";
import { fitsScale, numberToPlainText, toScaled } from "../../src/core/money";

const SCALES = [1, 100, 100_000];

function exact(value: number, scale: number): number | "refused" {
  try {
    return toScaled(numberToPlainText(value), scale);
  } catch {
    return "refused";
  }
}

function fast(value: number, scale: number): number | "refused" {
  try {
    return toScaled(value, scale);
  } catch {
    return "refused";
  }
}

test("numbers convert the same through the fast path and through their decimal text", () => {
  const decimals = fc.tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 7 })).map(([units, digits]) => units / 10 ** digits);
  fc.assert(
    fc.property(fc.oneof(decimals, fc.double({ noNaN: true, noDefaultInfinity: true })), fc.constantFrom(...SCALES), (value, scale) => {
      expect(fast(value, scale)).toBe(exact(value, scale));
      expect(fitsScale(value, scale)).toBe(fitsScale(numberToPlainText(value), scale));
    }),
    { numRuns: 20_000, seed: 7 },
  );
});

test("edge values: zero, negative zero, the scale's last digit, a third", () => {
  expect(toScaled(-0, 100)).toBe(0);
  expect(toScaled(0.1, 100)).toBe(10);
  expect(toScaled(1.00001, 100_000)).toBe(100_001);
  expect(toScaled(1 / 3, 100)).toBe(33);
  expect(fitsScale(1 / 3, 100)).toBe(false);
  expect(fitsScale(12.34, 100)).toBe(true);
});
