/**
 * Settings: "Refresh all INV formulas" (excel.md §4.1, §2.2) and the formula audit of rule 4 (INV cells
 * fed by TODAY, NOW, OFFSET, INDIRECT or RAND, each with the proposed replacement).
 */
import { useCallback, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { FormulaRefreshControl } from "../refresh/formulaRefresher";
import type { AuditFinding } from "../refresh/formulaAudit";

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "message"; text: string };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function FormulaTools({ control }: { control: FormulaRefreshControl }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [findings, setFindings] = useState<AuditFinding[] | null>(null);
  const busy = status.kind === "busy";

  const refreshAll = useCallback(async () => {
    setStatus({ kind: "busy" });
    try {
      const outcome = await control.refreshAll();
      setStatus({ kind: "message", text: outcome.cells === 0 ? "No INV formulas in this workbook." : `Recalculated ${outcome.cells.toLocaleString("en-US")} INV cells.` });
    } catch (error) {
      setStatus({ kind: "message", text: `Refresh failed: ${describeError(error)}` });
    }
  }, [control]);

  const audit = useCallback(async () => {
    setStatus({ kind: "busy" });
    try {
      setFindings(await control.audit());
      setStatus({ kind: "idle" });
    } catch (error) {
      setStatus({ kind: "message", text: `Audit failed: ${describeError(error)}` });
    }
  }, [control]);

  return (
    <>
      <Text weight="semibold">INV formulas</Text>
      <div>
        <Button onClick={() => void refreshAll()} disabled={busy}>Refresh all INV formulas</Button>{" "}
        <Button onClick={() => void audit()} disabled={busy}>Audit formulas</Button>
      </div>
      {status.kind === "message" && <Text size={200} data-testid="formula-status">{status.text}</Text>}
      {findings !== null && <AuditList findings={findings} />}
    </>
  );
}

function AuditList({ findings }: { findings: readonly AuditFinding[] }) {
  if (findings.length === 0) return <Text size={200} data-testid="formula-audit">No INV formula uses TODAY, NOW, OFFSET, INDIRECT or RAND.</Text>;
  return (
    <ul data-testid="formula-audit">
      {findings.map((finding) => (
        <li key={`${finding.sheet}!${finding.address}`}>
          <Text size={200}>
            <strong>{finding.sheet}!{finding.address}</strong> {finding.formula}: {finding.proposal}.
          </Text>
        </li>
      ))}
    </ul>
  );
}
