/**
 * The workbench page: the task pane app on the left, the in-memory workbook on the right (formula bar,
 * grid, sheet tabs), so the add-in can be used and tested in a plain browser without Excel.
 */
import { useEffect, useSyncExternalStore } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { AppDeps } from "../app/deps";
import type { WorkbenchController } from "./controller";
import { FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { addressOf } from "./gridModel";
import { useCellEditing } from "./useCellEditing";

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

export function Workbench({ deps, controller, onDownload }: WorkbenchProps) {
  const styles = useStyles();
  useSyncExternalStore(controller.subscribe, controller.getVersion);
  const sheets = controller.sheetNames();
  const active = controller.activeSheet();
  const editing = useCellEditing(controller, active);
  const { selection } = editing;
  // The pane's "Explain selected cell" reads the selection back through the port (activeCell).
  useEffect(() => {
    if (active) controller.workbook.selectCell(active, selection.row, selection.col);
  }, [active, controller, selection.row, selection.col]);

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
        {controller.currentProblem() && (
          <MessageBar intent="error">
            <MessageBarBody>{controller.currentProblem()}</MessageBarBody>
          </MessageBar>
        )}
        <FormulaBar address={addressOf(selection.row, selection.col)} editing={editing} />
        <div className={styles.gridArea} tabIndex={0} ref={editing.gridArea} onKeyDown={editing.onGridKey}>
          {active && (
            <Grid
              key={active}
              sheet={controller.gridSheet(active)}
              selection={selection}
              onSelect={editing.select}
              onStartEdit={() => editing.formulaInput.current?.focus()}
            />
          )}
        </div>
        <SheetTabs sheets={sheets} active={active} onSelect={controller.showSheet} />
      </section>
    </div>
  );
}
