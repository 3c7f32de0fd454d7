/** The item list: one row per card, selectable to open its card; blocked items say so. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Item } from "../../../core/types";
import { formatUnitCost } from "../../format";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, maxHeight: "320px", overflowY: "auto" },
  row: { display: "grid", gridTemplateColumns: "48px minmax(0, 1fr) 56px 76px", gap: "4px", padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, cursor: "pointer" },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  heading: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, borderBottom: "none", cursor: "default" },
});

/** Longest list drawn at once: a 10,000-item catalogue is searched, not scrolled. */
export const LIST_LIMIT = 200;

interface ItemRowProps {
  item: Item;
  selected: boolean;
  onSelect(no: string): void;
}

function ItemRow({ item, selected, onSelect }: ItemRowProps) {
  const styles = useStyles();
  return (
    <li
      className={selected ? `${styles.row} ${styles.selected}` : styles.row}
      data-testid={`item-${item.no}`}
      aria-selected={selected}
      role="option"
      tabIndex={0}
      onClick={() => onSelect(item.no)}
      onKeyDown={(event) => event.key === "Enter" && onSelect(item.no)}
    >
      <Text weight="semibold">{item.no}</Text>
      <Text truncate wrap={false} title={item.description}>
        {item.description} {item.blocked && <Badge size="small" color="danger" appearance="tint">Blocked</Badge>}
      </Text>
      <Text size={200}>{item.costingMethod}</Text>
      <Text className={styles.number}>{formatUnitCost(item.unitCost)}</Text>
    </li>
  );
}

export interface ItemListProps {
  items: readonly Item[];
  selected: string | null;
  onSelect(no: string): void;
}

export function ItemList({ items, selected, onSelect }: ItemListProps) {
  const styles = useStyles();
  return (
    <>
      <div className={`${styles.row} ${styles.heading}`} aria-hidden="true">
        <span>No.</span>
        <span>Description</span>
        <span>Method</span>
        <span className={styles.number}>Unit cost</span>
      </div>
      <ul className={styles.list} aria-label="Item list" role="listbox">
        {items.slice(0, LIST_LIMIT).map((item) => (
          <ItemRow key={item.no} item={item} selected={item.no === selected} onSelect={onSelect} />
        ))}
      </ul>
      {items.length > LIST_LIMIT && <Text size={200}>{`${LIST_LIMIT} of ${items.length.toLocaleString("en-US")} items shown; search to narrow.`}</Text>}
    </>
  );
}
