/** Availability: one item by Period, Event, Location or BOM level, written to its sheet. */
import { Button, Dropdown, Field, Input, Option, Tab, TabList, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import type { PeriodType } from "../functions/planArguments";
import { TaskStatus } from "./components/TaskStatus";
import { useAvailability, type AvailabilityView } from "./hooks/useAvailability";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "4px 8px", marginTop: "8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  // Fluent inputs and dropdowns have minimum widths wider than half the 350 px pane.
  control: { minWidth: 0, width: "100%" },
});

const PERIODS: PeriodType[] = ["Day", "Week", "Month", "Quarter", "Year"];

export function AvailabilityScreen(deps: AppDeps) {
  const styles = useStyles();
  const availability = useAvailability(deps);
  const { form, setForm } = availability;
  const dateLabel = form.view === "Period" ? "Start date" : form.view === "Event" ? "From" : form.view === "BOM" ? "Needed by" : "Date";
  return (
    <section aria-label="Availability">
      <Text size={200}>
        {form.view === "BOM"
          ? "How many of an assembled item can be made from available components, and the bottleneck (blank date = work date)."
          : "Projected availability from on-hand stock and open orders (blank date = work date)."}
      </Text>
      <TabList size="small" selectedValue={form.view} onTabSelect={(_e, d) => setForm({ view: d.value as AvailabilityView })}>
        <Tab value="Period">By period</Tab>
        <Tab value="Event">By event</Tab>
        <Tab value="Location">By location</Tab>
        <Tab value="BOM">By BOM level</Tab>
      </TabList>
      <div className={styles.form}>
        <Field label="Item No." required><Input className={styles.control} value={form.item} onChange={(_e, d) => setForm({ item: d.value })} /></Field>
        {form.view !== "Location" && (
          <Field label="Location"><Input className={styles.control} value={form.location} placeholder="All" onChange={(_e, d) => setForm({ location: d.value })} /></Field>
        )}
        <Field label={dateLabel}><Input className={styles.control} value={form.date} placeholder="yyyy-mm-dd" onChange={(_e, d) => setForm({ date: d.value })} /></Field>
        {form.view === "Event" && (
          <Field label="To"><Input className={styles.control} value={form.to} placeholder="yyyy-mm-dd" onChange={(_e, d) => setForm({ to: d.value })} /></Field>
        )}
        {form.view === "Period" && (
          <>
            <Field label="Period">
              <Dropdown className={styles.control} value={form.periodType} selectedOptions={[form.periodType]} onOptionSelect={(_e, d) => setForm({ periodType: d.optionValue as PeriodType })}>
                {PERIODS.map((period) => <Option key={period} value={period}>{period}</Option>)}
              </Dropdown>
            </Field>
            <Field label="Periods"><Input className={styles.control} value={form.count} onChange={(_e, d) => setForm({ count: d.value })} /></Field>
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={availability.writeSheet} disabled={availability.task.busy}>Write to sheet</Button>
      </div>
      <TaskStatus task={availability.task} />
    </section>
  );
}
