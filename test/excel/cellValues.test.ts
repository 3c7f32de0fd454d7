import { isoToSerial, jsonBytes, parseCellInput, serialToIsoDate, serialToIsoDateTime, toWireValue } from "../../src/excel/cellValues";
import { FORMAT, displayText, numberFormatFor } from "../../src/excel/numberFormats";

describe("cell values and formats", () => {
  test("ISO dates and Excel serials convert both ways; impossible dates are refused", () => {
    expect(isoToSerial("2025-02-05")).toBe(45693);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2025-02-05 12:00")).toBe(45693.5);
    expect(isoToSerial("2025-02-30")).toBeNull();
    expect(isoToSerial("05/02/2025")).toBeNull();
    expect(serialToIsoDate(45693.75)).toBe("2025-02-05");
    expect(serialToIsoDateTime(45693.5)).toBe("2025-02-05 12:00:00");
  });

  test("wire values: dates as serials, every string quote-prefixed, formula columns as formulas", () => {
    expect(toWireValue("2025-02-05", "date")).toBe(45693);
    expect(toWireValue("0042", "code")).toBe("'0042");
    expect(toWireValue("-5", "text")).toBe("'-5");
    expect(toWireValue("=INV.QTY(A1)", "formula")).toBe("=INV.QTY(A1)");
    expect(toWireValue(null, "amount")).toBe("");
    expect(toWireValue(12.5, "quantity")).toBe(12.5);
  });

  test("typed input reads as Excel reads it", () => {
    expect(parseCellInput("'=1+1", "General")).toEqual({ value: "=1+1", quotePrefix: true });
    expect(parseCellInput("=1+1", "General")).toEqual({ value: null, formula: "=1+1", quotePrefix: false });
    expect(parseCellInput("=1+1", "@")).toEqual({ value: "=1+1", quotePrefix: false });
    expect(parseCellInput("00123", "General")).toEqual({ value: 123, quotePrefix: false });
    expect(parseCellInput("00123", "@")).toEqual({ value: "00123", quotePrefix: false });
    expect(parseCellInput("2025-02-05", "General")).toMatchObject({ value: 45693, impliedFormat: "yyyy-mm-dd" });
    expect(parseCellInput("2025-02-05", "#,##0")).toMatchObject({ value: 45693, impliedFormat: undefined });
    expect(parseCellInput("false", "General")).toEqual({ value: false, quotePrefix: false });
    expect(parseCellInput("", "General")).toEqual({ value: null, quotePrefix: false });
  });

  test("request size counts UTF-8 bytes of the JSON", () => {
    expect(jsonBytes([["ab"]])).toBe(8);
    expect(jsonBytes([["·"]])).toBe(8); // U+00B7 is 2 bytes in UTF-8
    expect(jsonBytes([["€"]])).toBe(9); // U+20AC is 3 bytes
  });

  test("formats per column kind and the text the grid shows", () => {
    expect(numberFormatFor("quantity", [1, 2, null])).toBe(FORMAT.wholeQuantity);
    expect(numberFormatFor("quantity", [1, 2.5])).toBe(FORMAT.fractionalQuantity);
    expect(numberFormatFor("code", [])).toBe("@");
    expect(numberFormatFor("integer", [])).toBe("0");
    expect(displayText(-1234.5, FORMAT.amount)).toEqual({ text: "-1,234.50", red: true });
    expect(displayText(5.428571, FORMAT.unitCost)).toEqual({ text: "5.42857", red: false });
    expect(displayText(30, FORMAT.unitCost)).toEqual({ text: "30.00", red: false });
    expect(displayText(12000, FORMAT.wholeQuantity).text).toBe("12,000");
    expect(displayText(5, FORMAT.fractionalQuantity).text).toBe("5.");
    expect(displayText(-2.5, FORMAT.fractionalQuantity).text).toBe("-2.5");
    expect(displayText(45693, FORMAT.date).text).toBe("2025-02-05");
    expect(displayText(true, "General").text).toBe("TRUE");
    expect(displayText(0.1 + 0.2, "General").text).toBe("0.3");
  });
});
