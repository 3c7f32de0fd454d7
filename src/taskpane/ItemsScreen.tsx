/**
 * Items (excel.md §4.1): the item list with search by text and attribute, the selected item's card
 * (attributes, quick figures, edit, Block/Unblock), the nonstock catalogue with Convert, a new-item form,
 * and the item list sheet: Export (tblItems) and Import from the table or sheet the user picks (inventory.md §5).
 */
import { useMemo, useRef, useState } from "react";
import { Button, Divider, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import type { FieldError } from "../core/errors";
import type { ItemInput } from "../core/service/inputs";
import type { ItemsImport } from "../excel/sheets/itemsSheet";
import { ImportSourcePicker } from "./components/items/ImportSourcePicker";
import { ItemCard } from "./components/items/ItemCard";
import { ItemEditForm } from "./components/items/ItemEditForm";
import { ItemList } from "./components/items/ItemList";
import { ItemSearch } from "./components/items/ItemSearch";
import { NewItemForm } from "./components/items/NewItemForm";
import { NonstockList } from "./components/items/NonstockList";
import { TaskStatus } from "./components/TaskStatus";
import { searchList, type AttributeCondition } from "./hooks/itemSearch";
import { describeImportError, exportItemsSheet, importErrorCell, importItemsSheet } from "./hooks/itemsSheetCommands";
import { useImportSources } from "./hooks/useImportSources";
import { useItemFigures } from "./hooks/useItemFigures";
import { createItem, useItems, type ItemDraft } from "./hooks/useItems";
import { useTask, type Outcome } from "./hooks/useTask";

export { matchingItems } from "./hooks/itemSearch";

const useStyles = makeStyles({
  sheet: { display: "flex", flexWrap: "wrap", gap: "6px", marginBottom: "8px", alignItems: "center" },
});

const NO_CONDITION: AttributeCondition = { attribute: "", condition: "Exact", value: "" };

export function ItemsScreen({ service, store, workbook, onLedgerChanged, now, selectTableCell }: AppDeps) {
  const styles = useStyles();
  const { items, company, loadError, reload } = useItems(store);
  const task = useTask();
  const [text, setText] = useState("");
  const [condition, setCondition] = useState<AttributeCondition>(NO_CONDITION);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const figures = useItemFigures(store, selected, company?.ledgerVersion ?? 0);
  const shown = useMemo(() => (items ? searchList(items, company, text, [condition]) : []), [items, company, text, condition]);
  const item = items?.find((candidate) => candidate.no === selected) ?? null;
  const lastImport = useRef<ItemsImport | null>(null);
  const sources = useImportSources(workbook);
  const showError = (error: FieldError) => {
    const cell = lastImport.current ? importErrorCell(lastImport.current, error) : undefined;
    if (cell) selectTableCell?.(cell.table, cell.row, cell.column);
  };

  /** Runs a command that changes the ledger, then reloads the list and tells the workbook to recalculate. */
  const change = (title: string, work: () => Promise<Outcome>) =>
    task.run(title, async () => {
      const outcome = await work();
      await reload();
      onLedgerChanged?.();
      return outcome;
    });

  const create = async (draft: ItemDraft): Promise<boolean> => {
    let created = false;
    await change("Item not created", async () => {
      const no = await createItem(service, store, draft);
      created = true;
      return { intent: "success", title: `Item ${no} created` };
    });
    return created;
  };
  const save = (fields: Omit<ItemInput, "no">) =>
    item && void change(`Item ${item.no} not changed`, async () => {
      await service.updateItem(item.no, fields);
      setEditing(false);
      return { intent: "success", title: `Item ${item.no} saved` };
    });
  const toggleBlocked = () =>
    item && void change(`Item ${item.no} not changed`, async () => {
      await service.updateItem(item.no, { blocked: !item.blocked });
      return { intent: "success", title: `Item ${item.no} ${item.blocked ? "unblocked" : "blocked"}` };
    });
  const convert = (entryNo: string) =>
    void change(`Catalog item ${entryNo} not converted`, async () => {
      await service.convertNonstock(entryNo);
      return { intent: "success", title: `Catalog item ${entryNo} converted` };
    });
  const exportSheet = () =>
    void task.run("Items sheet not written", async (reporter) => {
      const outcome = await exportItemsSheet(service, workbook, reporter, now?.().toISOString().slice(0, 16).replace("T", " "));
      await sources.refresh();
      return outcome;
    });
  const importSheet = () =>
    void task.run("Items not imported", async (reporter) => {
      const picked = await sources.refresh();
      if (!picked) return { intent: "error", title: "Nothing imported", detail: "The workbook has no sheet or table to import from." };
      const outcome = await importItemsSheet(service, workbook, reporter, picked.source, (read) => (lastImport.current = read));
      await reload();
      if (outcome.intent === "success") onLedgerChanged?.();
      return outcome;
    });

  return (
    <section aria-label="Items">
      <div className={styles.sheet}>
        <Button size="small" disabled={task.busy} onClick={exportSheet}>
          Export item list sheet
        </Button>
        <ImportSourcePicker options={sources.options} selectedKey={sources.selectedKey} busy={task.busy} onChoose={sources.choose} onRefresh={() => void sources.refresh().catch(() => undefined)} />
        <Button size="small" disabled={task.busy} onClick={importSheet}>
          Import from sheet
        </Button>
      </div>
      <NewItemForm busy={task.busy} onCreate={create} />
      <TaskStatus task={task} describeError={describeImportError} onShowError={selectTableCell ? showError : undefined} />
      {loadError && <Text>{loadError}</Text>}
      {items && items.length === 0 && <Text>No items yet.</Text>}
      {items && items.length > 0 && (
        <>
          <ItemSearch company={company} text={text} onText={setText} condition={condition} onCondition={setCondition} />
          <ItemList items={shown} selected={selected} onSelect={(no) => (setSelected(no), setEditing(false))} />
        </>
      )}
      {item && !editing && <ItemCard item={item} company={company} figures={figures} busy={task.busy} onToggleBlocked={toggleBlocked} onEdit={() => setEditing(true)} />}
      {item && editing && <ItemEditForm key={item.no} item={item} company={company} busy={task.busy} onSave={save} onCancel={() => setEditing(false)} />}
      <Divider />
      <NonstockList catalog={company?.nonstockItems ?? []} busy={task.busy} onConvert={convert} />
    </section>
  );
}
