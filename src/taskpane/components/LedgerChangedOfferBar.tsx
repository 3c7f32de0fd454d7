/**
 * excel.md §2.1 rule 10: nothing is recomputed when a workbook opens; its saved INV values stay. When the
 * ledger version stamped in the workbook differs from the store's, the pane says so and offers the same
 * "Refresh all INV formulas" as Settings (which stamps the new version when it completes).
 */
import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { FormulaRefreshControl } from "../../refresh/formulaRefresher";
import type { OutOfDateResults, ResultStampCheck } from "../../refresh/resultStamp";

export interface LedgerChangedOfferBarProps {
  stamps: ResultStampCheck;
  control: FormulaRefreshControl;
}

type State = { kind: "checking" | "hidden" | "refreshing" } | { kind: "offered"; results: OutOfDateResults } | { kind: "failed"; message: string };

function versionText({ companyId, ledgerVersion }: OutOfDateResults["stamped"]): string {
  return `${companyId} v${ledgerVersion}`;
}

export function LedgerChangedOfferBar({ stamps, control }: LedgerChangedOfferBarProps) {
  const [state, setState] = useState<State>({ kind: "checking" });
  useEffect(() => {
    let live = true;
    // A workbook or store that cannot be read offers nothing: the values simply stay (rule 10).
    stamps
      .checkOnOpen()
      .then((results) => live && setState(results ? { kind: "offered", results } : { kind: "hidden" }))
      .catch(() => live && setState({ kind: "hidden" }));
    return () => {
      live = false;
    };
  }, [stamps]);

  const refresh = async () => {
    setState({ kind: "refreshing" });
    try {
      await control.refreshAll();
      setState({ kind: "hidden" });
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (state.kind === "checking" || state.kind === "hidden") return null;
  return (
    <MessageBar intent={state.kind === "failed" ? "error" : "info"} layout="multiline" data-testid="ledger-changed-offer">
      <MessageBarBody>
        <MessageBarTitle>The ledger changed since these INV values were calculated</MessageBarTitle>
        {state.kind === "offered" && `Calculated from ${versionText(state.results.stamped)}; the ledger is now at ${versionText(state.results.store)}.`}
        {state.kind === "refreshing" && "Recalculating every INV formula…"}
        {state.kind === "failed" && `Refresh failed: ${state.message}`}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" disabled={state.kind === "refreshing"} onClick={() => void refresh()}>
          Refresh
        </Button>
        <Button size="small" appearance="transparent" disabled={state.kind === "refreshing"} onClick={() => setState({ kind: "hidden" })}>
          Not now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
