/**
 * excel.md §4.2: a long sheet write shows a determinate ProgressBar with Cancel; the writer stops between
 * chunks, the sheet keeps the rows written so far, and the outcome says so instead of claiming success.
 */
import { useEffect } from "react";
import { configure, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import type { TableSpec } from "../../src/excel/port";
import { TaskStatus } from "../../src/taskpane/components/TaskStatus";
import { sheetWriteOptions } from "../../src/taskpane/hooks/sheetWrite";
import { useTask } from "../../src/taskpane/hooks/useTask";

configure({ asyncUtilTimeout: 5000 });

const ROWS = 2_000;
const spec: TableSpec = {
  sheet: "Long",
  table: "tblLong",
  title: "Long sheet",
  columns: [{ header: "No.", kind: "integer" }, { header: "Text", kind: "text" }],
  rows: Array.from({ length: ROWS }, (_, at) => [at + 1, `row ${at + 1} ${"x".repeat(40)}`]),
};

function LongWrite({ workbook }: { workbook: MemoryWorkbook }) {
  const task = useTask();
  useEffect(() => {
    void task.run("Not written", async (reporter) => {
      const report = await workbook.writeTable(spec, sheetWriteOptions(reporter));
      return { intent: "success", title: `Written: ${report.rows} rows` };
    });
  }, []);
  return <TaskStatus task={task} />;
}

test("Cancel stops a sheet write between chunks and the outcome says it is partial", async () => {
  let chunk = 0;
  let resumeChunk: () => void = () => undefined;
  const workbook = new MemoryWorkbook({
    writer: {
      targetBytes: 8 * 1024,
      // Hold the writer after its first chunk until the test has pressed Cancel.
      yieldToEventLoop: () => (++chunk === 1 ? new Promise<void>((resolve) => (resumeChunk = resolve)) : Promise.resolve()),
    },
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <LongWrite workbook={workbook} />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
  resumeChunk();
  const outcome = await screen.findByTestId("task-outcome");
  expect(outcome.textContent).toMatch(/Cancelled.*only the rows written before Cancel/);
  const written = (await workbook.readTable("tblLong"))?.rows.length ?? 0;
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(ROWS);
});
