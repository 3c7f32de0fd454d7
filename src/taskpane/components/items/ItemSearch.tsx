/** Search by text and by one attribute condition (attribute, condition, value), inventory.md §3.5. */
import { Input, SearchBox, Select, makeStyles } from "@fluentui/react-components";
import type { Company } from "../../../core/company";
import { conditionsFor, type AttributeCondition } from "../../hooks/itemSearch";

const useStyles = makeStyles({
  search: { width: "100%", marginBottom: "4px" },
  attribute: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 84px minmax(0, 1fr)", gap: "4px", marginBottom: "6px", "& > *": { minWidth: 0 } },
});

export interface ItemSearchProps {
  company: Company | null;
  text: string;
  onText(text: string): void;
  condition: AttributeCondition;
  onCondition(condition: AttributeCondition): void;
}

export function ItemSearch({ company, text, onText, condition, onCondition }: ItemSearchProps) {
  const styles = useStyles();
  const definitions = Object.values(company?.attributeDefinitions ?? {});
  const type = company?.attributeDefinitions?.[condition.attribute.toLowerCase()]?.type;
  const pickAttribute = (attribute: string) => {
    const nextType = company?.attributeDefinitions?.[attribute.toLowerCase()]?.type;
    onCondition({ attribute, condition: conditionsFor(nextType)[0], value: "" });
  };
  return (
    <div>
      <SearchBox className={styles.search} placeholder="Search items" aria-label="Search items" value={text} onChange={(_e, d) => onText(d.value)} size="small" />
      {definitions.length > 0 && (
        <div className={styles.attribute}>
          <Select aria-label="Attribute" size="small" value={condition.attribute} onChange={(_e, d) => pickAttribute(d.value)}>
            <option value="">Any attribute</option>
            {definitions.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </Select>
          <Select aria-label="Condition" size="small" value={condition.condition} disabled={condition.attribute === ""} onChange={(_e, d) => onCondition({ ...condition, condition: d.value })}>
            {conditionsFor(type).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
          <Input aria-label="Attribute value" size="small" placeholder={type === "Option" ? "Red|Blue" : "value"} value={condition.value} disabled={condition.attribute === ""} onChange={(_e, d) => onCondition({ ...condition, value: d.value })} />
        </div>
      )}
    </div>
  );
}
