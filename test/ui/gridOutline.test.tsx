/** Row outlines in the workbench grid: +/− on summary rows, collapsing and expanding grouped rows. */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { Grid } from "../../src/workbench/Grid";
import { gridSheetOf } from "../../src/workbench/gridView";
import { isSummaryRow, rowOrder, visibleRows } from "../../src/workbench/outline";

const noYield = { yieldToEventLoop: async () => undefined };

describe("outline rows", () => {
  // Rows 0-4 ungrouped; 5 level 0 (summary), 6 level 1 (summary), 7 level 2, 8 level 1, 9 level 0, 10 level 1.
  const levels = new Map([[6, 1], [7, 2], [8, 1], [10, 1]]);

  it("finds summary rows and hides a collapsed summary's deeper rows, nested collapses kept", () => {
    expect([5, 6, 7, 8, 9, 10].filter((row) => isSummaryRow(levels, row))).toEqual([5, 6, 9]);
    expect(visibleRows(11, levels, new Set())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(visibleRows(11, levels, new Set([5]))).toEqual([0, 1, 2, 3, 4, 5, 9, 10]);
    expect(visibleRows(11, levels, new Set([6]))).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10]);
    expect(visibleRows(11, levels, new Set([5, 6]))).toEqual([0, 1, 2, 3, 4, 5, 9, 10]);
    // A row that is not a summary (7) collapses nothing.
    expect(visibleRows(11, levels, new Set([7]))).toHaveLength(11);
  });

  it("maps display positions to rows, padding rows after the sheet, and a hidden row to its summary's place", () => {
    const order = rowOrder(11, 31, levels, new Set([5]));
    expect(order.count).toBe(28);
    expect([5, 6, 7, 8].map(order.rowAt)).toEqual([5, 9, 10, 11]);
    expect([7, 9, 12].map(order.positionOf)).toEqual([5, 6, 9]);
    const identity = rowOrder(11, 31, new Map(), new Set([5]));
    expect([identity.count, identity.rowAt(7), identity.positionOf(7)]).toEqual([31, 7, 7]);
  });
});

describe("Grid outline buttons", () => {
  it("collapses and expands the trace-style groups of a sheet written with row levels", async () => {
    const workbook = new MemoryWorkbook({ writer: noYield });
    await workbook.writeTable({
      sheet: "Tree", table: "tblTree", title: "Tree", style: "output",
      columns: [{ header: "Node", kind: "text" }],
      rows: [["root A"], ["child A1"], ["grandchild A1a"], ["child A2"], ["root B"], ["child B1"]],
      rowLevels: [0, 1, 2, 1, 0, 1],
    });
    const show = () =>
      render(
        <FluentProvider theme={webLightTheme}>
          <Grid sheet={gridSheetOf(workbook, "Tree")} selection={{ row: 0, col: 0 }} onSelect={() => undefined} onStartEdit={() => undefined} />
        </FluentProvider>,
      );
    show();
    const grid = screen.getByTestId("grid");
    const toggles = () => [...grid.querySelectorAll("[data-outline-toggle]")].map((b) => [b.getAttribute("data-outline-toggle"), b.textContent]);
    // The header is row 5 (1-based), so the data rows are 6-11; summaries: root A (6), child A1 (7), root B (10).
    expect(toggles()).toEqual([["5", "−"], ["6", "−"], ["9", "−"]]);
    const topOf = (row: number) => (grid.querySelector(`[data-row="${row}"]`) as HTMLElement | null)?.style.top ?? null;
    expect(topOf(9)).toBe(`${(9 + 1) * 22}px`);

    fireEvent.click(screen.getByRole("button", { name: "Collapse the group under row 6" }));
    expect(grid.querySelector('[data-row="6"]')).toBeNull();
    expect(grid.querySelector('[data-row="8"]')).toBeNull();
    expect(screen.getByText("root B")).toBeTruthy();
    expect(topOf(9)).toBe(`${(6 + 1) * 22}px`);
    expect(toggles()).toEqual([["5", "+"], ["9", "−"]]);

    fireEvent.click(screen.getByRole("button", { name: "Expand the group under row 6" }));
    fireEvent.click(screen.getByRole("button", { name: "Collapse the group under row 7" }));
    expect(grid.querySelector('[data-row="7"]')).toBeNull();
    expect(screen.getByText("child A2")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Expand the group under row 7" }).getAttribute("aria-expanded")).toBe("false");
  });
});

describe("Grid indent", () => {
  it("hands the grid each cell's indent level (drawn as left padding), as the trace sheet indents its Trace Line", async () => {
    const workbook = new MemoryWorkbook({ writer: noYield });
    await workbook.writeTable({
      sheet: "Tree", table: "tblTree", title: "Tree", style: "output",
      columns: [{ header: "Node", kind: "text" }],
      rows: [["root"], ["child"], ["grandchild"]],
      rowLevels: [0, 1, 2],
      indentColumn: "Node",
    });
    const sheet = gridSheetOf(workbook, "Tree");
    expect([5, 6, 7].map((row) => sheet.cell(row, 0)?.indent ?? 0)).toEqual([0, 1, 2]);
  });
});
