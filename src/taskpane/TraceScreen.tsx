/** Trace: a lot or serial's usage or origin tree in the pane (Fluent Tree), and Write to sheet. */
import { Button, Dropdown, Field, Input, Option, Text, Tree, TreeItem, TreeItemLayout, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import type { TraceRow } from "../functions/traceRows";
import { ENTRY_TYPE_CAPTION } from "../excel/sheets/captions";
import { qtyToNumber } from "../core/money";
import { TaskStatus } from "./components/TaskStatus";
import { useTrace, type TraceForm } from "./hooks/useTrace";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "4px 8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  // Fluent inputs and dropdowns have minimum widths wider than half the 350 px pane.
  control: { minWidth: 0, width: "100%" },
  traced: { fontStyle: "italic" },
});

interface TreeNode {
  row: TraceRow;
  key: string;
  children: TreeNode[];
}

/** Rebuilds the tree from the rows' levels (tree order: each row's parent is the last row one level up). */
export function nest(rows: readonly TraceRow[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const path: TreeNode[] = [];
  rows.forEach((row, index) => {
    const node: TreeNode = { row, key: `${index}`, children: [] };
    path.length = row.level - 1;
    (path.length === 0 ? roots : path[path.length - 1].children).push(node);
    path.push(node);
  });
  return roots;
}

function label({ entry, alreadyTraced, sourceType, sourceNo }: TraceRow): string {
  // Inventory.md §13.3: a node names the vendor or customer of its document.
  const party = (sourceType === "Vendor" || sourceType === "Customer") && sourceNo ? ` · ${sourceType} ${sourceNo}` : "";
  const text = `${ENTRY_TYPE_CAPTION[entry.entryType]} ${entry.documentNo} · ${entry.item} · ${qtyToNumber(entry.quantity)} ${entry.location} · ${entry.postingDate}${party}`;
  return alreadyTraced ? `${text} (already traced)` : text;
}

function TraceBranch({ nodes }: { nodes: TreeNode[] }) {
  const styles = useStyles();
  return (
    <>
      {nodes.map((node) => (
        <TreeItem key={node.key} value={node.key} itemType={node.children.length > 0 ? "branch" : "leaf"}>
          <TreeItemLayout className={node.row.alreadyTraced ? styles.traced : undefined}>{label(node.row)}</TreeItemLayout>
          {node.children.length > 0 && (
            <Tree>
              <TraceBranch nodes={node.children} />
            </Tree>
          )}
        </TreeItem>
      ))}
    </>
  );
}

const COMPONENTS: Record<TraceForm["components"], string> = { No: "No", ItemTrackedOnly: "Item-tracked only", All: "All" };

export function TraceScreen(deps: AppDeps) {
  const styles = useStyles();
  const trace = useTrace(deps);
  const { form, setForm, rows } = trace;
  const busy = trace.task.busy;
  const tree = rows ? nest(rows) : [];
  return (
    <section aria-label="Item Tracing">
      <Text size={200}>Where a lot or serial went (usage) or came from (origin), through transfers and assembly.</Text>
      <div className={styles.form}>
        <Field label="Item No."><Input className={styles.control} value={form.item} onChange={(_e, d) => setForm({ item: d.value })} /></Field>
        <Field label="Lot No."><Input className={styles.control} value={form.lot} onChange={(_e, d) => setForm({ lot: d.value })} /></Field>
        <Field label="Serial No."><Input className={styles.control} value={form.serial} onChange={(_e, d) => setForm({ serial: d.value })} /></Field>
        <Field label="Direction">
          <Dropdown className={styles.control} value={form.direction} selectedOptions={[form.direction]} onOptionSelect={(_e, d) => setForm({ direction: d.optionValue as TraceForm["direction"] })}>
            <Option value="Usage">Usage</Option>
            <Option value="Origin">Origin</Option>
          </Dropdown>
        </Field>
        <Field label="Show components">
          <Dropdown className={styles.control} value={COMPONENTS[form.components]} selectedOptions={[form.components]} onOptionSelect={(_e, d) => setForm({ components: d.optionValue as TraceForm["components"] })}>
            {Object.entries(COMPONENTS).map(([value, text]) => <Option key={value} value={value}>{text}</Option>)}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={trace.show} disabled={busy}>Trace</Button>
        <Button onClick={trace.writeSheet} disabled={busy}>Write to sheet</Button>
      </div>
      <TaskStatus task={trace.task} />
      {tree.length > 0 && (
        <Tree aria-label="Trace tree" defaultOpenItems={rows?.map((_row, index) => `${index}`)}>
          <TraceBranch nodes={tree} />
        </Tree>
      )}
    </section>
  );
}
