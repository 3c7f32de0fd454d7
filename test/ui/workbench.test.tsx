/**
 * The workbench's own parts without a browser: formulas recomputed by the controller (after typing,
 * after a sheet write, after a ledger change), and a grid that renders only the rows in view.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { WorkbenchController } from "../../src/workbench/controller";
import { Grid } from "../../src/workbench/Grid";
import { columnLetters, parseAddress } from "../../src/workbench/gridModel";

const noYield = { yieldToEventLoop: async () => undefined };

function controllerWith(stock: Map<string, number>) {
  const workbook = new MemoryWorkbook({ writer: noYield });
  workbook.addSheet("Analysis");
  const controller = new WorkbenchController(workbook, {
    QTY: async (item: unknown) => {
      const code = String(Array.isArray(item) ? item[0][0] : item);
      const qty = stock.get(code);
      if (qty === undefined) throw Object.assign(new Error(`Item ${code} does not exist`), { code: "#N/A" });
      return [[qty]];
    },
  });
  return { workbook, controller };
}

describe("WorkbenchController", () => {
  it("computes typed formulas, including formulas over formulas, and recomputes on request", async () => {
    const stock = new Map([["1000", 13]]);
    const { workbook, controller } = controllerWith(stock);
    await controller.setCellInput("Analysis", 0, 0, "'1000");
    await controller.setCellInput("Analysis", 0, 1, "=INV.QTY(A1)");
    await controller.setCellInput("Analysis", 1, 1, "=B1*2");
    expect(workbook.cell("Analysis", 0, 1).value).toBe(13);
    expect(workbook.cell("Analysis", 1, 1).value).toBe(26);
    expect(controller.cellInput("Analysis", 0, 1)).toBe("=INV.QTY(A1)");
    expect(controller.cellInput("Analysis", 0, 0)).toBe("'1000");

    stock.set("1000", 17); // a posting changed the ledger
    await controller.recalculate();
    expect(workbook.cell("Analysis", 1, 1).value).toBe(34);
  });

  it("shows refused INV calls as error values and recomputes when a table is written", async () => {
    const { workbook, controller } = controllerWith(new Map([["2000", 5]]));
    await controller.setCellInput("Analysis", 0, 0, '=INV.QTY("9999")');
    expect(workbook.cell("Analysis", 0, 0).value).toBe("#N/A");
    await workbook.writeTable({ sheet: "Data", table: "tblData", title: "Data", columns: [{ header: "Item", kind: "code" }], rows: [["2000"]] });
    await controller.setCellInput("Analysis", 1, 0, "=INV.QTY(Data!A6)");
    expect(workbook.cell("Analysis", 1, 0).value).toBe(5);
    await controller.whenIdle();
    expect(controller.sheetNames()).toEqual(["Analysis", "Data"]);
  });
});

describe("WorkbenchController with array results", () => {
  it("spills a range call of an INV function, and shows #SPILL! when the cells below are taken", async () => {
    const workbook = new MemoryWorkbook({ writer: noYield });
    workbook.addSheet("Analysis");
    const stock: Record<string, number> = { "1000": 13, "2000": 15 };
    const controller = new WorkbenchController(workbook, {
      QTY: async (items: unknown) => (items as unknown[][]).map((row) => row.map((item) => stock[String(item)] ?? 0)),
    });
    await controller.setCellInput("Analysis", 0, 0, "'1000");
    await controller.setCellInput("Analysis", 1, 0, "'2000");
    await controller.setCellInput("Analysis", 0, 1, "=INV.QTY(A1:A2)");
    expect([workbook.cell("Analysis", 0, 1).value, workbook.cell("Analysis", 1, 1).value]).toEqual([13, 15]);
    await controller.setCellInput("Analysis", 1, 1, "x");
    expect(workbook.cell("Analysis", 0, 1).value).toBe("#SPILL!");
    await controller.setCellInput("Analysis", 1, 1, "");
    expect(workbook.cell("Analysis", 0, 1).value).toBe(13);
  });
});

describe("MemoryWorkbook table AutoExpansion (what the journal relies on)", () => {
  it("typing right below a table adds the row with the formats of the row above", async () => {
    const workbook = new MemoryWorkbook({ writer: noYield });
    await workbook.writeTable({
      sheet: "J", table: "tblJ", title: "J", style: "input",
      columns: [{ header: "Item No.", kind: "code" }, { header: "Status", kind: "text", computed: true }], rows: [["1000", null]],
    });
    const table = workbook.table("tblJ");
    if (!table) throw new Error("no table");
    const next = table.row + table.rowCount;
    workbook.setCellInput("J", next, table.column, "0042");
    expect(workbook.table("tblJ")?.rowCount).toBe(table.rowCount + 1);
    expect(workbook.cell("J", next, table.column)).toMatchObject({ value: "0042", numberFormat: "@" });
    expect(workbook.cell("J", next, table.column + 1).fill).toBe(workbook.cell("J", next - 1, table.column + 1).fill);
    workbook.setCellInput("J", next + 2, table.column, "x"); // not adjacent: the table stays
    expect(workbook.table("tblJ")?.rowCount).toBe(table.rowCount + 1);
  });
});

describe("Grid", () => {
  it("renders only the rows in view of a long sheet, as text", async () => {
    const { workbook, controller } = controllerWith(new Map());
    const rows = Array.from({ length: 5000 }, (_, i) => [`<i>row ${i + 1}</i>`, i + 1]);
    await workbook.writeTable({
      sheet: "Long", table: "tblLong", title: "Long", style: "output", freezeFirstColumn: true,
      columns: [{ header: "Text", kind: "text" }, { header: "N", kind: "integer" }], rows,
    });
    const onSelect = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <Grid sheet={controller.gridSheet("Long")} selection={{ row: 0, col: 0 }} onSelect={onSelect} onStartEdit={() => undefined} />
      </FluentProvider>,
    );
    const grid = screen.getByTestId("grid");
    const rendered = grid.querySelectorAll("[data-row]").length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByText("<i>row 1</i>")).toBeTruthy();
    expect(grid.querySelector("i")).toBeNull();
    // Frozen panes: the banner and header rows sit in the sticky top block, column A sticks left.
    const sheet = controller.gridSheet("Long");
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([5, 1]);
    expect((grid.querySelector('[data-address="A6"]') as HTMLElement).style.position).toBe("sticky");
    expect((grid.querySelector('[data-address="B6"]') as HTMLElement).style.position).toBe("");
    expect(grid.querySelector('[data-row="4"]')?.parentElement?.querySelector('[data-row="0"]')).toBeTruthy();
    fireEvent.mouseDown(grid.querySelector('[data-address="B6"]') as Element);
    expect(onSelect).toHaveBeenCalledWith({ row: 5, col: 1 });
  });

  it("names columns and parses addresses as Excel does", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(parseAddress("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(parseAddress("A0")).toBeNull();
  });
});

describe("Workbench editing", () => {
  async function renderWorkbench() {
    const { Workbench } = await import("../../src/workbench/Workbench");
    const { composeApp } = await import("../../src/app/composition");
    const { MemoryLedgerStore } = await import("../../src/storage/memoryStore");
    const { workbook, controller } = controllerWith(new Map([["1000", 13]]));
    const deps = composeApp(new MemoryLedgerStore(), workbook);
    render(
      <FluentProvider theme={webLightTheme}>
        <Workbench deps={deps} controller={controller} onDownload={() => undefined} />
      </FluentProvider>,
    );
    const grid = screen.getByTestId("grid");
    const cell = (address: string) => grid.querySelector(`[data-address="${address}"]`) as Element;
    return { workbook, controller, cell, bar: screen.getByTestId("formula-bar") as HTMLInputElement, keys: grid.parentElement as Element };
  }

  it("typing on a cell starts its formula; Enter commits, computes and moves down", async () => {
    const { workbook, controller, cell, bar, keys } = await renderWorkbench();
    fireEvent.mouseDown(cell("B2"));
    fireEvent.keyDown(keys, { key: "=" });
    expect(bar.value).toBe("=");
    fireEvent.change(bar, { target: { value: '=INV.QTY("1000")' } });
    fireEvent.keyDown(bar, { key: "Enter" });
    await act(() => controller.whenIdle());
    expect(workbook.cell("Analysis", 1, 1)).toMatchObject({ formula: '=INV.QTY("1000")', value: 13 });
    expect((screen.getByLabelText("Name box") as HTMLInputElement).value).toBe("B3");
  });

  it("clicking another cell while editing commits to the edited cell; Escape discards", async () => {
    const { workbook, controller, cell, bar, keys } = await renderWorkbench();
    fireEvent.mouseDown(cell("C3"));
    fireEvent.keyDown(keys, { key: "4" });
    fireEvent.change(bar, { target: { value: "42" } });
    fireEvent.mouseDown(cell("D5"));
    fireEvent.blur(bar);
    await act(() => controller.whenIdle());
    expect(workbook.cell("Analysis", 2, 2).value).toBe(42);
    expect(workbook.cell("Analysis", 4, 3).value).toBeNull();

    fireEvent.keyDown(keys, { key: "7" });
    fireEvent.keyDown(bar, { key: "Escape" });
    fireEvent.blur(bar);
    await act(() => controller.whenIdle());
    expect(workbook.cell("Analysis", 4, 3).value).toBeNull();
    expect(bar.value).toBe("");
  });
});
