/** The formula bar: address of the selected cell and its input; Enter commits, Escape cancels. */
import type { KeyboardEvent } from "react";
import { Input, makeStyles, tokens } from "@fluentui/react-components";
import type { CellEditing } from "./useCellEditing";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", padding: "4px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  address: { width: "72px", fontFamily: tokens.fontFamilyMonospace },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", padding: "0 2px" },
  input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

export function FormulaBar({ address, editing }: { address: string; editing: CellEditing }) {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      editing.commit("down");
    } else if (event.key === "Escape") {
      editing.cancel();
    }
  };
  return (
    <div className={styles.bar}>
      <Input className={styles.address} value={address} readOnly aria-label="Name box" size="small" />
      <span className={styles.fx}>fx</span>
      <Input
        className={styles.input}
        value={editing.barText}
        input={{ ref: editing.formulaInput }}
        onChange={(_event, data) => editing.edit(data.value)}
        onKeyDown={onKeyDown}
        onBlur={() => editing.commit("none")}
        aria-label="Formula bar"
        data-testid="formula-bar"
        size="small"
      />
    </div>
  );
}
