/**
 * Issue 8, item 5: item and company text rendered in the task pane cannot inject markup. Items whose
 * number and description carry HTML, and a company name with HTML, are shown as literal text on the
 * Items and Settings screens; no element of theirs appears in the page.
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { App } from "../../src/taskpane/App";

// Two cores shared by several test runs: generous waits, the assertions stay the same.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const DESCRIPTION = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const NUMBER = "<B>9</B>";
const COMPANY = `<iframe src="javascript:alert(1)"></iframe>Acme`;

test("markup in item and company text is shown as text, never parsed", async () => {
  const deps = composeApp(new MemoryLedgerStore(), new MemoryWorkbook(), { storage: { persisted: async () => true } });
  await deps.service.initCompany({ id: "acme", name: COMPANY, workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  await deps.service.upsertItems([{ no: NUMBER, description: DESCRIPTION, costingMethod: "FIFO", unitCost: 1 }]);
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <App {...deps} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "Items" }));
  await waitFor(() => expect(container.textContent).toContain(DESCRIPTION));
  expect(container.textContent).toContain(NUMBER);
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  await waitFor(() => expect(screen.getByTestId("diagnostics").textContent).toContain(`${COMPANY} (acme)`));
  expect(container.querySelectorAll("img, script, iframe, b")).toHaveLength(0);
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
});
