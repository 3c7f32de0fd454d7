/**
 * Tiles of the last reconciliation (excel.md §4.1): the total difference and the count of unreconciled
 * rows, then one link per unreconciled row; each selects its row on the Inventory GL Recon sheet.
 */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReconSummary, UnreconciledRow } from "../../hooks/reconCommands";

const useStyles = makeStyles({
  tiles: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "8px", margin: "4px 0" },
  tile: { display: "flex", flexDirection: "column", alignItems: "flex-start", height: "auto", padding: "8px", minWidth: 0 },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "2px" },
});

const amount = (value: number) => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface ReconTilesProps {
  summary: ReconSummary;
  onShowRow(row: number): void;
  /** Lists the entries behind a row on the Explain sheet. */
  onExplainRow(row: UnreconciledRow): void;
}

export function ReconTiles({ summary, onShowRow, onExplainRow }: ReconTilesProps) {
  const styles = useStyles();
  const first = summary.unreconciled[0];
  const tone = summary.totalDifference === 0 ? styles.good : styles.bad;
  return (
    <div aria-label="Reconciliation summary">
      <div className={styles.tiles}>
        <Button className={styles.tile} appearance="outline" aria-label={`Total difference ${amount(summary.totalDifference)}`} onClick={() => first && onShowRow(first.row)}>
          <Text size={200}>Total difference</Text>
          <span className={`${styles.figure} ${tone}`}>{amount(summary.totalDifference)}</span>
        </Button>
        <Button className={styles.tile} appearance="outline" aria-label={`Unreconciled rows ${summary.unreconciled.length}`} onClick={() => first && onShowRow(first.row)}>
          <Text size={200}>Unreconciled rows</Text>
          <span className={`${styles.figure} ${tone}`}>{summary.unreconciled.length}</span>
        </Button>
      </div>
      {summary.unreconciled.length > 0 && (
        <ul className={styles.list} aria-label="Unreconciled rows">
          {summary.unreconciled.map((row) => (
            <li key={row.row}>
              <Link as="button" onClick={() => onShowRow(row.row)}>{`${row.label}: ${amount(row.difference)}`}</Link>
              {" · "}
              <Link as="button" aria-label={`Entries behind ${row.label}`} onClick={() => onExplainRow(row)}>entries</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
