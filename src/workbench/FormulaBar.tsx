/** The formula bar: address of the selected cell and its input; Enter commits, Escape reverts. */
import { useEffect, useState, type KeyboardEvent, type RefObject } from "react";
import { Input, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", padding: "4px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  address: { width: "72px", fontFamily: tokens.fontFamilyMonospace },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", padding: "0 2px" },
  input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

export interface FormulaBarProps {
  address: string;
  input: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onCommit(text: string, move: "down" | "none"): void;
  onCancel(): void;
}

export function FormulaBar({ address, input, inputRef, onCommit, onCancel }: FormulaBarProps) {
  const styles = useStyles();
  const [text, setText] = useState(input);
  useEffect(() => setText(input), [input, address]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onCommit(text, "down");
    } else if (event.key === "Escape") {
      setText(input);
      onCancel();
    }
  };

  return (
    <div className={styles.bar}>
      <Input className={styles.address} value={address} readOnly aria-label="Name box" size="small" />
      <span className={styles.fx}>fx</span>
      <Input
        className={styles.input}
        value={text}
        input={{ ref: inputRef }}
        onChange={(_event, data) => setText(data.value)}
        onKeyDown={onKeyDown}
        onBlur={() => text !== input && onCommit(text, "none")}
        aria-label="Formula bar"
        data-testid="formula-bar"
        size="small"
      />
    </div>
  );
}
