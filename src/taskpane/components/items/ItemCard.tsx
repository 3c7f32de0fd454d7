/**
 * The item card panel: card fields, the effective attributes (inherited ones marked with their source,
 * inventory.md §3.3), quick figures from the functions' evaluator, Block/Unblock and Edit.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Company } from "../../../core/company";
import { effectiveAttributes } from "../../../core/inventory/attributes";
import { scaledToText, MONEY_SCALE } from "../../../core/money";
import type { Item } from "../../../core/types";
import type { ItemFigures } from "../../../functions/itemFigures";
import { formatUnitCost } from "../../format";

const useStyles = makeStyles({
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "8px", margin: "8px 0" },
  grid: { display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 8px", margin: "4px 0" },
  caption: { color: tokens.colorNeutralForeground3 },
  figures: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: "4px", margin: "6px 0", textAlign: "center" },
  actions: { display: "flex", gap: "6px" },
});

export interface ItemCardProps {
  item: Item;
  company: Company | null;
  figures: ItemFigures | null;
  busy: boolean;
  onToggleBlocked(): void;
  onEdit(): void;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size={200} block>
        {label}
      </Text>
      <Text weight="semibold" data-testid={`figure-${label}`}>
        {value}
      </Text>
    </div>
  );
}

export function ItemCard({ item, company, figures, busy, onToggleBlocked, onEdit }: ItemCardProps) {
  const styles = useStyles();
  const attributes = company ? effectiveAttributes(company, item) : item.attributes;
  const fields: [string, string][] = [
    ["Type", item.type],
    ["Base unit", item.baseUnitOfMeasure],
    ["Costing method", item.costingMethod],
    ["Card unit cost", formatUnitCost(item.unitCost)],
    ["Category", item.category ?? "—"],
    ["Blocked", item.blocked ? "Yes" : "No"],
  ];
  return (
    <section className={styles.card} aria-label={`Item card ${item.no}`} data-testid="item-card">
      <Text weight="semibold">{`${item.no} · ${item.description}`}</Text>
      <div className={styles.figures}>
        <Figure label="On hand" value={figures ? String(figures.onHand) : "…"} />
        <Figure label="Value" value={figures ? scaledToText(figures.value, MONEY_SCALE) : "…"} />
        <Figure label="Available" value={figures ? String(figures.available) : "…"} />
        <Figure label="Reserved" value={figures ? String(figures.reserved) : "…"} />
      </div>
      <div className={styles.grid}>
        {fields.map(([caption, value]) => (
          <FieldRow key={caption} caption={caption} value={value} />
        ))}
        {Object.entries(attributes).map(([name, value]) => (
          <FieldRow key={name} caption={name} value={String(value) + (name in item.attributes ? "" : " (from category)")} testId={`attribute-${name}`} />
        ))}
      </div>
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={onToggleBlocked}>
          {item.blocked ? "Unblock" : "Block"}
        </Button>
        <Button size="small" disabled={busy} onClick={onEdit}>
          Edit
        </Button>
      </div>
    </section>
  );
}

function FieldRow({ caption, value, testId }: { caption: string; value: string; testId?: string }) {
  const styles = useStyles();
  return (
    <>
      <Text size={200} className={styles.caption}>
        {caption}
      </Text>
      <Text size={200} data-testid={testId}>
        {value}
      </Text>
    </>
  );
}
