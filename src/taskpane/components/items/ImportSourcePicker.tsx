/** Which table or sheet the item import reads (headers in its first row), grouped by kind. */
import { Select, makeStyles } from "@fluentui/react-components";
import type { ImportSourceOption } from "../../hooks/useImportSources";

const useStyles = makeStyles({
  // Shares the row with the Export and Import buttons, wrapping below them in a narrow pane.
  picker: { flex: "1 1 120px", minWidth: 0 },
});

export interface ImportSourcePickerProps {
  options: readonly ImportSourceOption[];
  selectedKey: string;
  busy: boolean;
  onChoose(key: string): void;
  /** The list is reloaded when the picker gets focus: sheets may have been added since. */
  onRefresh(): void;
}

export function ImportSourcePicker({ options, selectedKey, busy, onChoose, onRefresh }: ImportSourcePickerProps) {
  const styles = useStyles();
  const group = (kind: ImportSourceOption["kind"], label: string) => {
    const members = options.filter((o) => o.kind === kind);
    return (
      members.length > 0 && (
        <optgroup label={label}>
          {members.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name}
            </option>
          ))}
        </optgroup>
      )
    );
  };
  return (
    <Select className={styles.picker} aria-label="Import source" size="small" value={selectedKey} disabled={busy} onFocus={onRefresh} onChange={(_e, d) => onChoose(d.value)}>
      {options.length === 0 && <option value="">No sheets</option>}
      {group("table", "Tables")}
      {group("sheet", "Sheets")}
    </Select>
  );
}
