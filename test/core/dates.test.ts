import { periodOf } from "../../src/core/dates";

describe("average cost periods", () => {
  it("runs weeks Monday to Sunday, quarters and years by the calendar", () => {
    expect(periodOf("2024-01-07", "Week", [])).toEqual({ start: "2024-01-01", end: "2024-01-07" });
    expect(periodOf("2024-01-08", "Week", [])).toEqual({ start: "2024-01-08", end: "2024-01-14" });
    expect(periodOf("2024-02-29", "Month", [])).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodOf("2024-05-15", "Quarter", [])).toEqual({ start: "2024-04-01", end: "2024-06-30" });
    expect(periodOf("2024-12-31", "Year", [])).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(periodOf("2024-03-03", "Day", [])).toEqual({ start: "2024-03-03", end: "2024-03-03" });
  });

  it("uses accounting periods from their start dates, calendar months before the first, the last open-ended", () => {
    const starts = ["2024-01-01", "2024-01-09", "2024-03-01"];
    expect(periodOf("2024-01-08", "AccountingPeriod", starts)).toEqual({ start: "2024-01-01", end: "2024-01-08" });
    expect(periodOf("2024-02-15", "AccountingPeriod", starts)).toEqual({ start: "2024-01-09", end: "2024-02-29" });
    expect(periodOf("2025-07-01", "AccountingPeriod", starts)).toEqual({ start: "2024-03-01", end: "9999-12-31" });
    expect(periodOf("2023-12-15", "AccountingPeriod", starts)).toEqual({ start: "2023-12-01", end: "2023-12-31" });
    expect(periodOf("2024-02-10", "AccountingPeriod", [])).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });
});
