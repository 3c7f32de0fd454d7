/**
 * The sources the item import can read (inventory.md §5: "the user selects a sheet or table, headers in
 * the first row"): every table of the workbook and every sheet but the add-in's hidden metadata and
 * backup sheets. Until the user picks one, tblItems is the default when present, else the sheet the user
 * is on (when the workbook can tell), else the first sheet.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookPort } from "../../excel/port";
import { BACKUP_SHEET } from "../../excel/sheets/backupSheet";
import { ITEMS_TABLE, type ItemsImportSource } from "../../excel/sheets/itemsSheet";
import { META_SHEET } from "../../excel/sheets/metaSheet";

export interface ImportSourceOption {
  /** "table:<name>" or "sheet:<name>" (a table and a sheet may share a name). */
  key: string;
  kind: "table" | "sheet";
  name: string;
  source: ItemsImportSource;
}

const ADD_IN_SHEETS = new Set([BACKUP_SHEET.toLowerCase(), META_SHEET.toLowerCase()]);

export async function listImportSources(workbook: WorkbookPort): Promise<ImportSourceOption[]> {
  const [tables, sheets] = await Promise.all([workbook.tableNames(), workbook.sheetNames()]);
  return [
    ...tables.map((name): ImportSourceOption => ({ key: `table:${name}`, kind: "table", name, source: { table: name } })),
    ...sheets
      .filter((name) => !ADD_IN_SHEETS.has(name.toLowerCase()))
      .map((name): ImportSourceOption => ({ key: `sheet:${name}`, kind: "sheet", name, source: { sheet: name } })),
  ];
}

/** tblItems when the workbook has it, else the active sheet, else the first sheet, else nothing. */
export function defaultImportSource(options: readonly ImportSourceOption[], activeSheet?: string | null): ImportSourceOption | undefined {
  const sheet = (name: string | null | undefined) => options.find((o) => o.kind === "sheet" && o.name.toLowerCase() === name?.toLowerCase());
  return options.find((o) => o.kind === "table" && o.name.toLowerCase() === ITEMS_TABLE.toLowerCase()) ?? sheet(activeSheet) ?? options.find((o) => o.kind === "sheet");
}

interface SourceList {
  options: ImportSourceOption[];
  active: string | null;
}

async function loadSources(workbook: WorkbookPort): Promise<SourceList> {
  const [options, active] = await Promise.all([listImportSources(workbook), workbook.activeSheetName?.() ?? null]);
  return { options, active };
}

const EMPTY: SourceList = { options: [], active: null };

export interface ImportSources {
  options: ImportSourceOption[];
  /** The key shown as selected: the user's pick while it exists, else the default ("" when none). */
  selectedKey: string;
  choose(key: string): void;
  /** Reloads the list (sheets and tables change while the pane is open) and returns the source to import. */
  refresh(): Promise<ImportSourceOption | undefined>;
}

export function useImportSources(workbook: WorkbookPort): ImportSources {
  const [list, setList] = useState<SourceList>(EMPTY);
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenRef = useRef<string | null>(null);
  const pick = ({ options, active }: SourceList, key: string | null) => options.find((o) => o.key === key) ?? defaultImportSource(options, active);

  const refresh = useCallback(async () => {
    const loaded = await loadSources(workbook);
    setList(loaded);
    return pick(loaded, chosenRef.current);
  }, [workbook]);

  useEffect(() => {
    let live = true;
    loadSources(workbook).then((loaded) => live && setList(loaded), () => undefined);
    return () => {
      live = false;
    };
  }, [workbook]);

  const choose = (key: string) => {
    chosenRef.current = key;
    setChosen(key);
  };
  return { options: list.options, selectedKey: pick(list, chosen)?.key ?? "", choose, refresh };
}
