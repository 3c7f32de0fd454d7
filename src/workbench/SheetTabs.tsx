/** Sheet tabs under the grid, as in Excel. */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, overflowX: "auto" },
});

export function SheetTabs({ sheets, active, onSelect }: { sheets: string[]; active: string; onSelect(sheet: string): void }) {
  const styles = useStyles();
  return (
    <TabList className={styles.tabs} size="small" selectedValue={active} onTabSelect={(_event, data) => onSelect(String(data.value))} aria-label="Sheets">
      {sheets.map((sheet) => (
        <Tab key={sheet} value={sheet}>
          {sheet}
        </Tab>
      ))}
    </TabList>
  );
}
