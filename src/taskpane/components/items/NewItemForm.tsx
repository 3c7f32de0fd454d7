/** The new-item form of the Items screen (No., Description, Costing Method, Unit Cost). */
import { useState, type FormEvent } from "react";
import { Button, Field, Input, Select, makeStyles } from "@fluentui/react-components";
import type { CostingMethod } from "../../../core/types";
import type { ItemDraft } from "../../hooks/useItems";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "6px 8px", marginBottom: "12px" },
  wide: { gridColumn: "1 / span 2" },
});

/** Costing methods a new card can take (inventory.md §2). */
const COSTING_METHODS: CostingMethod[] = ["FIFO", "LIFO", "Average", "Standard", "Specific"];

const EMPTY_DRAFT: ItemDraft = { no: "", description: "", costingMethod: "FIFO", unitCost: "" };

export interface NewItemFormProps {
  busy: boolean;
  /** Creates the item; resolves true when it was created (the form then clears). */
  onCreate(draft: ItemDraft): Promise<boolean>;
}

export function NewItemForm({ busy, onCreate }: NewItemFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_DRAFT);
  const set = (field: keyof ItemDraft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onCreate(draft).then((created) => created && setDraft(EMPTY_DRAFT));
  };
  return (
    <form className={styles.form} onSubmit={submit}>
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
      <Button type="submit" appearance="primary" disabled={busy || draft.no.trim() === ""} style={{ alignSelf: "end", whiteSpace: "nowrap" }}>
        Create item
      </Button>
    </form>
  );
}
