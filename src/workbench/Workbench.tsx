/**
 * The workbench page: the task pane app on the left, the in-memory workbook on the right (formula bar,
 * grid, sheet tabs), so the add-in can be used and tested in a plain browser without Excel.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { AppDeps } from "../app/deps";
import type { WorkbenchController } from "./controller";
import { FormulaBar } from "./FormulaBar";
import { Grid, type GridSelection } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { addressOf } from "./gridModel";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", overflow: "hidden", fontFamily: tokens.fontFamilyBase },
  pane: { width: "360px", flexShrink: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: "auto", backgroundColor: tokens.colorNeutralBackground1 },
  book: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: { display: "flex", alignItems: "center", gap: "8px", padding: "4px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { flexGrow: 1 },
  gridArea: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0, outline: "none" },
});

export interface WorkbenchProps {
  deps: AppDeps;
  controller: WorkbenchController;
  onDownload(): void;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };

export function Workbench({ deps, controller, onDownload }: WorkbenchProps) {
  const styles = useStyles();
  useSyncExternalStore(controller.subscribe, controller.getVersion);
  const sheets = controller.sheetNames();
  const active = controller.activeSheet();
  const [selection, setSelection] = useState<GridSelection>({ row: 0, col: 0 });
  const formulaInput = useRef<HTMLInputElement | null>(null);
  const gridArea = useRef<HTMLDivElement | null>(null);

  useEffect(() => setSelection({ row: 0, col: 0 }), [active]);

  const commit = useCallback(
    (text: string, move: "down" | "none") => {
      void controller.setCellInput(active, selection.row, selection.col, text);
      if (move === "down") {
        setSelection((current) => ({ row: current.row + 1, col: current.col }));
        gridArea.current?.focus();
      }
    },
    [active, controller, selection],
  );

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      setSelection((current) => ({ row: Math.max(0, current.row + move[0]), col: Math.max(0, current.col + move[1]) }));
    } else if (event.key === "Enter" || event.key === "F2" || (event.key.length === 1 && !event.ctrlKey && !event.metaKey)) {
      // Start editing in the formula bar; the typed character is delivered there by the browser.
      formulaInput.current?.focus();
    } else if (event.key === "Delete") {
      void controller.setCellInput(active, selection.row, selection.col, "");
    }
  };

  return (
    <div className={styles.page}>
      <aside className={styles.pane} aria-label="Task pane">
        <App {...deps} />
      </aside>
      <section className={styles.book} aria-label="Workbook">
        <div className={styles.toolbar}>
          <Text weight="semibold" className={styles.title}>
            Workbench — in-memory workbook
          </Text>
          <Button size="small" onClick={onDownload}>
            Download .xlsx
          </Button>
        </div>
        <FormulaBar
          address={addressOf(selection.row, selection.col)}
          input={controller.cellInput(active, selection.row, selection.col)}
          inputRef={formulaInput}
          onCommit={commit}
          onCancel={() => gridArea.current?.focus()}
        />
        <div className={styles.gridArea} tabIndex={0} ref={gridArea} onKeyDown={onGridKey}>
          {active && <Grid key={active} sheet={controller.gridSheet(active)} selection={selection} onSelect={setSelection} onStartEdit={() => formulaInput.current?.focus()} />}
        </div>
        <SheetTabs sheets={sheets} active={active} onSelect={controller.showSheet} />
      </section>
    </div>
  );
}
