/**
 * "Refresh now" (excel.md §2.2): a commit made more than 20,000 INV cells stale, so the pane asks before
 * recalculating them instead of freezing Excel unasked.
 */
import { useSyncExternalStore } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { FormulaRefreshControl } from "../refresh/formulaRefresher";

export function RefreshOfferBar({ control }: { control: FormulaRefreshControl }) {
  const cells = useSyncExternalStore(control.subscribe, () => control.pendingOffer());
  if (cells === null) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="refresh-offer">
      <MessageBarBody>
        <MessageBarTitle>INV formulas are out of date</MessageBarTitle>
        {cells.toLocaleString("en-US")} cells depend on the items just changed.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={() => void control.acceptOffer().catch(() => undefined)}>Refresh now</Button>
        <Button size="small" onClick={() => control.dismissOffer()}>Later</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
