/** The nonstock (catalog) items of inventory.md §4, with Convert for those not yet converted. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { NonstockItem } from "../../../core/company";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: "4px 0" },
  row: { display: "grid", gridTemplateColumns: "1fr auto", gap: "4px", alignItems: "center", padding: "3px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface NonstockListProps {
  catalog: readonly NonstockItem[];
  busy: boolean;
  onConvert(entryNo: string): void;
}

export function NonstockList({ catalog, busy, onConvert }: NonstockListProps) {
  const styles = useStyles();
  if (catalog.length === 0) return null;
  return (
    <section aria-label="Catalog items">
      <Text weight="semibold" size={300}>
        Catalog items
      </Text>
      <ul className={styles.list}>
        {catalog.map((entry) => (
          <li key={entry.entryNo} className={styles.row} data-testid={`nonstock-${entry.entryNo}`}>
            <Text size={200}>{`${entry.entryNo} · ${entry.vendorItemNo} · ${entry.description ?? ""}`}</Text>
            {entry.itemNo ? (
              <Text size={200}>{`Item ${entry.itemNo}`}</Text>
            ) : (
              <Button size="small" disabled={busy} onClick={() => onConvert(entry.entryNo)} aria-label={`Convert catalog item ${entry.entryNo}`}>
                Convert
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
