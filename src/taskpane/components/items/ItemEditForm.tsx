/**
 * Edit of an item card: description, unit cost, category and attribute values. The service applies
 * inventory.md §3.3/§3.4 (category change first, then the values given; values checked by type) and
 * the frozen-field rules; a refusal is shown by the screen.
 */
import { useState, type FormEvent } from "react";
import { Button, Field, Input, Select, makeStyles } from "@fluentui/react-components";
import type { Company } from "../../../core/company";
import { categoryDefaults } from "../../../core/inventory/attributes";
import { unitCostToNumber } from "../../../core/money";
import type { ItemInput } from "../../../core/service/inputs";
import type { Item } from "../../../core/types";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "6px 8px", margin: "8px 0" },
  wide: { gridColumn: "1 / span 2" },
  actions: { gridColumn: "1 / span 2", display: "flex", gap: "6px" },
});

export interface ItemEditFormProps {
  item: Item;
  company: Company | null;
  busy: boolean;
  onSave(fields: Omit<ItemInput, "no">): void;
  onCancel(): void;
}

/** Attributes the card can carry: those its category chain lists, then its own. */
function attributeNames(company: Company | null, item: Item, category: string): string[] {
  const names = company ? [...categoryDefaults(company, category === "" ? null : category).keys()] : [];
  for (const name of Object.keys(item.attributes)) if (!names.includes(name)) names.push(name);
  return names;
}

export function ItemEditForm({ item, company, busy, onSave, onCancel }: ItemEditFormProps) {
  const styles = useStyles();
  const [description, setDescription] = useState(item.description);
  const [unitCost, setUnitCost] = useState(String(unitCostToNumber(item.unitCost)));
  const [category, setCategory] = useState(item.category ?? "");
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(item.attributes).map(([k, v]) => [k, String(v)])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const attributes = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
    const cost = unitCost.trim() === "" ? undefined : Number(unitCost);
    onSave({ description: description.trim(), unitCost: cost, category: category === "" ? null : category, attributes });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Edit item ${item.no}`}>
      <Field label="New description" className={styles.wide}>
        <Input value={description} onChange={(_e, d) => setDescription(d.value)} />
      </Field>
      <Field label="New unit cost">
        <Input value={unitCost} inputMode="decimal" onChange={(_e, d) => setUnitCost(d.value)} />
      </Field>
      <Field label="Category">
        <Select value={category} onChange={(_e, d) => setCategory(d.value)}>
          <option value="">(none)</option>
          {(company?.categories ?? []).map((c) => (
            <option key={c.code}>{c.code}</option>
          ))}
        </Select>
      </Field>
      {attributeNames(company, item, category).map((name) => (
        <AttributeField key={name} name={name} company={company} value={values[name] ?? ""} onChange={(v) => setValues((current) => ({ ...current, [name]: v }))} />
      ))}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={busy}>
          Save
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface AttributeFieldProps {
  name: string;
  company: Company | null;
  value: string;
  onChange(value: string): void;
}

/** An Option attribute picks from its values; other types are typed (the core checks them). */
function AttributeField({ name, company, value, onChange }: AttributeFieldProps) {
  const definition = company?.attributeDefinitions?.[name.toLowerCase()];
  return (
    <Field label={`Attribute ${name}`}>
      {definition?.type === "Option" ? (
        <Select value={value} onChange={(_e, d) => onChange(d.value)}>
          <option value="">(inherited)</option>
          {(definition.values ?? []).map((v) => (
            <option key={v}>{v}</option>
          ))}
        </Select>
      ) : (
        <Input value={value} placeholder="(inherited)" onChange={(_e, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
