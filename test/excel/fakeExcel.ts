/**
 * A small fake of the office-js object graph for OfficeWorkbook tests. office-addin-mock provides
 * the Excel global, the request context and the application object (with its load-before-read
 * checks); the worksheet, range and table objects below queue their writes until `context.sync()`,
 * enforce the 5 MB request limit the way Excel on the web does, and log every call made.
 */
// Accessors in the fake object literals below need the enclosing FakeExcel, hence the aliases.
/* eslint-disable @typescript-eslint/no-this-alias */
import { OfficeMockObject } from "office-addin-mock";

type Value = string | number | boolean | null;
interface Pending { bytes: number; apply: () => void }

export interface FakeSheet {
  name: string;
  visibility: string;
  /** Values as Excel stores them: quote prefix removed, formulas as "FORMULA:…". */
  cells: (Value[] | undefined)[];
  /** Number format rules in the order applied (a later rule wins). */
  numberFormats: { row: number; column: number; rowCount: number; format: string }[];
  fills: Map<string, string | null>;
  fonts: Map<string, { bold?: boolean; size?: number }>;
  widths: Map<number, number>;
  frozen: { rows: number; columns: number };
}

export interface FakeTable { name: string; sheet: string; row: number; column: number; rowCount: number; columnCount: number; style: string }

const at = (row: number, column: number): string => `${row},${column}`;

/** What Excel stores for a value sent as input: the quote prefix keeps text; "=" starts a formula. */
function asTyped(value: Value): Value {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith("=")) return `FORMULA:${value}`;
  return value;
}

export class FakeExcel {
  readonly calls: string[] = [];
  readonly sheets: FakeSheet[] = [];
  readonly tables = new Map<string, FakeTable>();
  /** Estimated bytes of each sync that Excel accepted. */
  readonly requestBytes: number[] = [];
  /** Calculation mode seen at each accepted sync. */
  readonly modes: string[] = [];
  /** Outline level per sheet and row, from the group calls. */
  readonly outline = new Map<string, Map<number, number>>();
  syncs = 0;
  rejected = 0;
  /** The sheet last activated (Excel starts on the first). */
  active: string | undefined;
  private pending: Pending[] = [];
  readonly excel: any;

  constructor(readonly limitBytes = 5 * 1024 * 1024) {
    const fake = this;
    this.excel = new OfficeMockObject({
      context: {
        workbook: {
          application: {
            calculationMode: "Automatic",
            suspendScreenUpdatingUntilNextSync: () => fake.calls.push("suspendScreenUpdatingUntilNextSync"),
          },
        },
        sync: () => fake.sync(),
      },
      run: async (work: (context: unknown) => Promise<unknown>) => work(fake.excel.context),
    });
    this.excel.context.workbook.worksheets = this.worksheets();
    this.excel.context.workbook.properties = { custom: this.customProperties() };
    let tableItems: { name: string }[] | undefined;
    this.excel.context.workbook.tables = {
      load: (what: string) => this.queue(`tables.load(${what})`, 0, () => (tableItems = [...this.tables.values()].map((t) => ({ name: t.name })))),
      get items() { if (!tableItems) throw new Error("property not loaded"); return tableItems; },
      getItemOrNullObject: (name: string) => this.tableProxy(name),
      getItem: (name: string) => ({
        resize: (range: any) => this.queue(`resize ${name} ${range.address}`, 40, () => {
          const table = this.tables.get(name.toLowerCase());
          if (!table) throw new Error(`ItemNotFound: ${name}`);
          Object.assign(table, { row: range.row, column: range.column, rowCount: range.rowCount, columnCount: range.columnCount });
        }),
      }),
    };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  value(sheet: string, row: number, column: number): Value {
    return this.sheet(sheet)?.cells[row]?.[column] ?? null;
  }

  numberFormat(sheet: string, row: number, column: number): string {
    const rules = this.sheet(sheet)?.numberFormats ?? [];
    const rule = [...rules].reverse().find((f) => f.column === column && row >= f.row && row < f.row + f.rowCount);
    return rule?.format ?? "General";
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.calls.push("sync");
    if (bytes > this.limitBytes) {
      this.rejected += 1;
      // The shape office-js gives: RichApi.Error with a code.
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    }
    for (const op of ops) op.apply();
    this.syncs += 1;
    this.requestBytes.push(bytes);
    await this.excel.context.workbook.application.sync();
    this.modes.push(String(this.excel.context.workbook.application.calculationMode));
  }

  private queue(call: string, bytes: number, apply: () => void): void {
    this.calls.push(call);
    this.pending.push({ bytes, apply });
  }

  private worksheets() {
    let items: { name: string }[] | undefined;
    return {
      getItemOrNullObject: (name: string) => {
        const proxy: any = this.sheetProxy(name);
        let known: boolean | undefined;
        this.pending.push({ bytes: 0, apply: () => (known = this.sheet(name) !== undefined) });
        Object.defineProperty(proxy, "isNullObject", { get: () => { if (known === undefined) throw new Error("sync() was not called"); return !known; } });
        return proxy;
      },
      getItem: (name: string) => this.sheetProxy(name),
      getActiveWorksheet: () => {
        let name: string | undefined;
        return {
          load: (what: string) => this.queue(`activeWorksheet.load(${what})`, 0, () => (name = this.active ?? this.sheets[0]?.name)),
          get name() { if (name === undefined) throw new Error("name not loaded"); return name; },
        };
      },
      add: (name: string) => {
        this.queue(`worksheets.add(${name})`, name.length, () => this.sheets.push({ name, visibility: "Visible", cells: [], numberFormats: [], fills: new Map(), fonts: new Map(), widths: new Map(), frozen: { rows: 0, columns: 0 } }));
        return this.sheetProxy(name);
      },
      load: (what: string) => this.queue(`worksheets.load(${what})`, 0, () => (items = this.sheets.map((s) => ({ name: s.name })))),
      get items() { if (!items) throw new Error("property not loaded"); return items; },
    };
  }

  /** Custom document properties (persist with the workbook). */
  readonly properties = new Map<string, unknown>();

  private customProperties() {
    const item = (key: string) => {
      let snapshot: { exists: boolean; value: unknown } | undefined;
      return {
        load: () => this.queue(`properties.load(${key})`, 10, () => (snapshot = { exists: this.properties.has(key), value: this.properties.get(key) })),
        get isNullObject() { if (!snapshot) throw new Error("sync() was not called"); return !snapshot.exists; },
        get value() { if (!snapshot) throw new Error("value not loaded"); return snapshot.value; },
        delete: () => this.queue(`properties.delete(${key})`, 10, () => {
          if (!this.properties.delete(key)) throw new Error(`ItemNotFound: ${key}`);
        }),
      };
    };
    return {
      add: (key: string, value: unknown) => this.queue(`properties.add(${key},${String(value)})`, 20, () => this.properties.set(key, value)),
      getItem: item,
      getItemOrNullObject: item,
    };
  }

  private must(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return sheet;
  }

  /** A worksheet proxy; its name can change (rename), so every call captures the name current at call time. */
  private sheetProxy(initialName: string): any {
    const fake = this;
    const state = { name: initialName };
    let position: number | undefined;
    return {
      set visibility(value: string) { const name = state.name; fake.queue(`${name}.visibility=${value}`, 10, () => (fake.must(name).visibility = value)); },
      set name(value: string) {
        const old = state.name;
        state.name = value;
        fake.queue(`${old}.name=${value}`, 10, () => {
          fake.must(old).name = value;
          const levels = fake.outline.get(old);
          if (levels) { fake.outline.delete(old); fake.outline.set(value, levels); }
        });
      },
      set position(value: number) {
        const name = state.name;
        fake.queue(`${name}.position=${value}`, 10, () => {
          const sheet = fake.must(name);
          fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
          fake.sheets.splice(value, 0, sheet);
        });
      },
      get position() { if (position === undefined) throw new Error("position not loaded"); return position; },
      load: (what: string) => { const name = state.name; fake.queue(`${name}.load(${what})`, 10, () => (position = fake.sheets.findIndex((s) => s.name === name))); },
      delete: () => {
        const name = state.name;
        fake.queue(`${name}.delete`, 10, () => {
          fake.sheets.splice(fake.sheets.indexOf(fake.must(name)), 1);
          fake.outline.delete(name);
        });
      },
      getRange: () => ({ clear: () => { const name = state.name; fake.queue(`${name}.clear`, 10, () => { const s = fake.must(name); s.cells.length = 0; s.numberFormats.length = 0; s.fills.clear(); s.fonts.clear(); }); } }),
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) => fake.rangeProxy(state.name, row, column, rowCount, columnCount),
      getUsedRangeOrNullObject: (valuesOnly: boolean) => fake.usedRangeProxy(state.name, valuesOnly),
      tables: {
        add: (range: any, hasHeaders: boolean) => {
          const table: any = {};
          const name = state.name;
          fake.queue(`${name}.tables.add(${range.address},${hasHeaders})`, 50, () => {
            fake.tables.set(String(table.name).toLowerCase(), { name: table.name, sheet: name, row: range.row, column: range.column, rowCount: range.rowCount, columnCount: range.columnCount, style: table.style });
          });
          return table;
        },
      },
      freezePanes: {
        freezeRows: (rows: number) => { const name = state.name; fake.queue(`${name}.freezeRows(${rows})`, 10, () => (fake.must(name).frozen = { rows, columns: 0 })); },
        freezeAt: (range: any) => { const name = state.name; fake.queue(`${name}.freezeAt(${range.address})`, 10, () => (fake.must(name).frozen = { rows: range.rowCount, columns: range.columnCount })); },
        unfreeze: () => { const name = state.name; fake.queue(`${name}.unfreeze`, 10, () => (fake.must(name).frozen = { rows: 0, columns: 0 })); },
      },
      activate: () => { const name = state.name; fake.queue(`${name}.activate`, 10, () => (fake.active = fake.must(name).name)); },
    };
  }

  /** Excel's used range with valuesOnly: the smallest block holding every non-empty value, or a null object. */
  private usedRangeProxy(sheet: string, valuesOnly: boolean): any {
    if (!valuesOnly) throw new Error("the fake models only valuesOnly used ranges");
    let box: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null | undefined;
    const loaded = () => { if (box === undefined) throw new Error("used range not loaded"); return box; };
    return {
      load: (what: string) => this.queue(`usedRange ${sheet} load(${what})`, 20, () => {
        const cells = this.must(sheet).cells;
        let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
        cells.forEach((line, r) => line?.forEach((value, c) => {
          if (value === null || value === "") return;
          [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
        }));
        box = bottom < 0 ? null : { rowIndex: top, columnIndex: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
      }),
      get isNullObject() { return loaded() === null; },
      get rowIndex() { return loaded()!.rowIndex; },
      get columnIndex() { return loaded()!.columnIndex; },
      get rowCount() { return loaded()!.rowCount; },
      get columnCount() { return loaded()!.columnCount; },
    };
  }

  private rangeProxy(sheet: string, row: number, column: number, rowCount: number, columnCount: number): any {
    const fake = this;
    const address = `${sheet}!R${row}C${column}:${rowCount}x${columnCount}`;
    const each = (fn: (key: string, r: number, c: number) => void) => {
      for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) fn(at(row + r, column + c), r, c);
    };
    let loaded: Value[][] | undefined;
    return {
      address, row, column, rowCount, columnCount,
      set values(values: Value[][]) {
        if (values.length !== rowCount || values.some((line) => line.length !== columnCount)) throw new Error(`InvalidArgument: ${address}`);
        fake.queue(`values ${address}`, JSON.stringify(values).length, () => {
          const cells = fake.must(sheet).cells;
          values.forEach((line, r) => line.forEach((value, c) => ((cells[row + r] ??= [])[column + c] = asTyped(value))));
        });
      },
      get values() { if (!loaded) throw new Error("values not loaded"); return loaded; },
      set numberFormat(formats: string[][]) {
        fake.queue(`numberFormat ${address} ${formats[0][0]}`, JSON.stringify(formats).length + 20, () => fake.must(sheet).numberFormats.push({ row, column, rowCount, format: formats[0][0] }));
      },
      clear: (applyTo: string) => fake.queue(`clear ${applyTo} ${address}`, 20, () => {
        const target = fake.must(sheet);
        each((_key, r, c) => {
          const cells = target.cells[row + r];
          if (cells) cells[column + c] = null;
          if (applyTo === "All") target.fills.delete(at(row + r, column + c));
        });
      }),
      getEntireRow: () => ({ group: (option: string) => fake.queue(`group ${option} rows ${row}+${rowCount}`, 20, () => {
        const levels = fake.outline.get(sheet) ?? new Map<number, number>();
        for (let r = row; r < row + rowCount; r++) levels.set(r, (levels.get(r) ?? 0) + 1);
        fake.outline.set(sheet, levels);
      }) }),
      dataValidation: {
        set rule(rule: { list: { source: string } }) { fake.queue(`validation ${address} ${rule.list.source}`, 40, () => undefined); },
      },
      load: (what: string) => fake.queue(`load ${address} ${what}`, 20, () => {
        loaded = Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => fake.value(sheet, row + r, column + c) ?? ""));
      }),
      format: {
        font: {
          set bold(bold: boolean) { fake.queue(`bold ${address}`, 10, () => each((key) => fake.must(sheet).fonts.set(key, { ...fake.must(sheet).fonts.get(key), bold }))); },
          set size(size: number) { fake.queue(`size ${address}`, 10, () => each((key) => fake.must(sheet).fonts.set(key, { ...fake.must(sheet).fonts.get(key), size }))); },
        },
        fill: {
          set color(color: string) { fake.queue(`fill ${address} ${color}`, 20, () => each((key) => fake.must(sheet).fills.set(key, color))); },
          clear: () => fake.queue(`fill.clear ${address}`, 20, () => each((key) => fake.must(sheet).fills.set(key, null))),
        },
        set indentLevel(indent: number) { fake.queue(`indent ${address} ${indent}`, 20, () => undefined); },
        set columnWidth(points: number) { fake.queue(`columnWidth ${address} ${points}`, 20, () => fake.must(sheet).widths.set(column, points)); },
      },
    };
  }

  private tableProxy(name: string): any {
    let found: FakeTable | undefined;
    let synced = false;
    this.pending.push({ bytes: 0, apply: () => { found = this.tables.get(name.toLowerCase()); synced = true; } });
    const fake = this;
    const loadedRange = (rowOffset: number, rows: () => number) => {
      let snapshot: any;
      return {
        load: () => fake.queue(`load table ${name}`, 20, () => {
          const t = fake.tables.get(name.toLowerCase())!;
          snapshot = { rowIndex: t.row + rowOffset, columnIndex: t.column, rowCount: rows(), values: Array.from({ length: rows() }, (_, r) => Array.from({ length: t.columnCount }, (_, c) => fake.value(t.sheet, t.row + rowOffset + r, t.column + c) ?? "")) };
        }),
        getRow: (index: number) => {
          let formulas: unknown[][] | undefined;
          return {
            load: () => fake.queue(`load table ${name} row ${index} formulas`, 20, () => {
              const t = fake.tables.get(name.toLowerCase())!;
              formulas = [Array.from({ length: t.columnCount }, (_, c) => {
                const value = fake.value(t.sheet, t.row + rowOffset + index, t.column + c);
                return typeof value === "string" && value.startsWith("FORMULA:") ? value.slice("FORMULA:".length) : (value ?? "");
              })];
            }),
            get formulas() { if (!formulas) throw new Error("formulas not loaded"); return formulas; },
          };
        },
        get rowIndex() { return snapshot.rowIndex; },
        get columnIndex() { return snapshot.columnIndex; },
        get rowCount() { return snapshot.rowCount; },
        get values() { return snapshot.values; },
      };
    };
    return {
      get isNullObject() { if (!synced) throw new Error("sync() was not called"); return found === undefined; },
      get name() { return found?.name; },
      load: () => undefined,
      delete: () => fake.queue(`table.delete(${name})`, 10, () => fake.tables.delete(name.toLowerCase())),
      worksheet: { load: () => undefined, get name() { return found?.sheet; } },
      getHeaderRowRange: () => loadedRange(0, () => 1),
      getDataBodyRange: () => loadedRange(1, () => (found ? found.rowCount - 1 : 0)),
    };
  }
}
