/**
 * The task pane: one tab per area (excel.md §4.1). Everything it
 * touches arrives as props, so Excel (OfficeWorkbook + Dexie), the workbench (MemoryWorkbook + Dexie)
 * and tests (MemoryWorkbook + memory store) run the same component. Navigation is state, not a router:
 * office.js nulls history.pushState.
 */
import { useState } from "react";
import { Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { ItemsScreen } from "./ItemsScreen";
import { JournalScreen } from "./JournalScreen";
import { LedgersScreen } from "./LedgersScreen";
import { AvailabilityScreen } from "./AvailabilityScreen";
import { CountScreen } from "./CountScreen";
import { TraceScreen } from "./TraceScreen";
import { ReconciliationScreen } from "./ReconciliationScreen";
import { SettingsScreen } from "./SettingsScreen";
import { RestoreOfferBar } from "./components/RestoreOfferBar";

type Screen = "items" | "journal" | "ledgers" | "trace" | "availability" | "count" | "reconciliation" | "settings";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", width: "100%", maxWidth: "350px", minWidth: "300px", boxSizing: "border-box", padding: "8px 12px" },
  header: { marginBottom: "4px", color: tokens.colorNeutralForeground2 },
  body: { paddingTop: "8px" },
  // Six areas do not fit on one line at 350 px: the tabs wrap instead of being cut off.
  tabs: { flexWrap: "wrap" },
});

export function App(props: AppDeps) {
  const styles = useStyles();
  const [screen, setScreen] = useState<Screen>("journal");
  return (
    <main className={styles.pane}>
      <Text weight="semibold" size={400} className={styles.header}>
        Inventory Ledger
      </Text>
      <TabList className={styles.tabs} selectedValue={screen} onTabSelect={(_event, data: SelectTabData) => setScreen(data.value as Screen)} size="small">
        <Tab value="items">Items</Tab>
        <Tab value="journal">Journal</Tab>
        <Tab value="ledgers">Ledgers</Tab>
        <Tab value="trace">Trace</Tab>
        <Tab value="availability">Availability</Tab>
        <Tab value="count">Count</Tab>
        <Tab value="reconciliation">Reconciliation</Tab>
        <Tab value="settings">Settings</Tab>
      </TabList>
      <RestoreOfferBar store={props.store} workbook={props.workbook} onOpenSettings={() => setScreen("settings")} />
      <div className={styles.body}>
        {screen === "items" && <ItemsScreen {...props} />}
        {screen === "journal" && <JournalScreen {...props} />}
        {screen === "ledgers" && <LedgersScreen {...props} />}
        {screen === "trace" && <TraceScreen {...props} />}
        {screen === "availability" && <AvailabilityScreen {...props} />}
        {screen === "count" && <CountScreen {...props} />}
        {screen === "reconciliation" && <ReconciliationScreen {...props} />}
        {screen === "settings" && <SettingsScreen {...props} />}
      </div>
    </main>
  );
}
