/** Items: the item list and a small form for a new item (No., Description, Costing Method, Unit Cost). */
import { useState, type FormEvent } from "react";
import { Button, Field, Input, SearchBox, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { formatUnitCost } from "./format";
import type { CostingMethod, Item } from "../core/types";
import { createItem, useItems, type ItemDraft } from "./hooks/useItems";
import { useTask } from "./hooks/useTask";
import { TaskStatus } from "./components/TaskStatus";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "6px 8px", marginBottom: "12px" },
  wide: { gridColumn: "1 / span 2" },
  list: { listStyle: "none", padding: 0, margin: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: "grid", gridTemplateColumns: "48px 1fr 64px 64px", gap: "4px", padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  search: { width: "100%", marginBottom: "4px" },
  heading: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, borderBottom: "none" },
});

/** Items whose number or description contains the search text (case-insensitive). */
export function matchingItems(items: readonly Item[], search: string): Item[] {
  const needle = search.trim().toLowerCase();
  if (needle === "") return [...items];
  return items.filter((item) => item.no.toLowerCase().includes(needle) || item.description.toLowerCase().includes(needle));
}

/** Costing methods the first slice posts with. */
const COSTING_METHODS: CostingMethod[] = ["FIFO", "Average"];

const EMPTY_DRAFT: ItemDraft = { no: "", description: "", costingMethod: "FIFO", unitCost: "" };

function ItemRow({ item }: { item: Item }) {
  const styles = useStyles();
  return (
    <li className={styles.row} data-testid={`item-${item.no}`}>
      <Text weight="semibold">{item.no}</Text>
      <Text truncate wrap={false} title={item.description}>
        {item.description}
      </Text>
      <Text size={200}>{item.costingMethod}</Text>
      <Text className={styles.number}>{formatUnitCost(item.unitCost)}</Text>
    </li>
  );
}

export function ItemsScreen({ service, store, onLedgerChanged }: AppDeps) {
  const styles = useStyles();
  const { items, loadError, reload } = useItems(store);
  const task = useTask();
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_DRAFT);
  const [search, setSearch] = useState("");
  const set = (field: keyof ItemDraft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const create = (event: FormEvent) => {
    event.preventDefault();
    void task.run("Item not created", async () => {
      const no = await createItem(service, store, draft);
      await reload();
      onLedgerChanged?.();
      setDraft(EMPTY_DRAFT);
      return { intent: "success", title: `Item ${no} created` };
    });
  };

  return (
    <section aria-label="Items">
      <form className={styles.form} onSubmit={create}>
        <Field label="No." required>
          <Input value={draft.no} onChange={(_e, d) => set("no")(d.value)} />
        </Field>
        <Field label="Costing Method">
          <Select value={draft.costingMethod} onChange={(_e, d) => set("costingMethod")(d.value)}>
            {COSTING_METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </Select>
        </Field>
        <Field label="Description" required className={styles.wide}>
          <Input value={draft.description} onChange={(_e, d) => set("description")(d.value)} />
        </Field>
        <Field label="Unit Cost">
          <Input value={draft.unitCost} inputMode="decimal" onChange={(_e, d) => set("unitCost")(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={task.busy || draft.no.trim() === ""} style={{ alignSelf: "end", whiteSpace: "nowrap" }}>
          Create item
        </Button>
      </form>
      <TaskStatus task={task} />
      {loadError && <Text>{loadError}</Text>}
      {items && items.length === 0 && <Text>No items yet.</Text>}
      {items && items.length > 0 && (
        <SearchBox className={styles.search} placeholder="Search items" aria-label="Search items" value={search} onChange={(_e, d) => setSearch(d.value)} size="small" />
      )}
      {items && items.length > 0 && (
        <div className={`${styles.row} ${styles.heading}`} aria-hidden="true">
          <span>No.</span>
          <span>Description</span>
          <span>Method</span>
          <span className={styles.number}>Unit cost</span>
        </div>
      )}
      <ul className={styles.list} aria-label="Item list">
        {items && matchingItems(items, search).map((item) => <ItemRow key={item.no} item={item} />)}
      </ul>
    </section>
  );
}
