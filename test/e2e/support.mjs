/* global window -- page.evaluate callbacks run in the page */
/**
 * What every e2e suite does with the workbench page: call its test hooks (window.__invTest), wait until the
 * DEMO company is open and idle, and run a pane command by its button. Not a suite itself: the runner loads
 * only *.e2e.mjs files.
 */
import assert from "node:assert/strict";

/** Runs `fn` in the page (where window.__invTest lives). */
export const hooks = (page, fn, ...args) => page.evaluate(fn, ...args);

/** Waits until the page has opened its company (or reported why not) and finished its pending work. */
export async function waitReady(page) {
  await page.waitForFunction(() => window.__invTest?.isReady() || window.__invTest?.problem(), null, { timeout: 60_000 });
  const problem = await hooks(page, () => window.__invTest.problem());
  assert.equal(problem, null, problem);
  await hooks(page, () => window.__invTest.waitIdle());
}

/** Clicks a pane button and returns the text of the command's MessageBar. */
export async function runCommand(page, button) {
  const outcome = page.getByTestId("task-outcome");
  // Dismiss the previous command's message first, so the one read below is this command's.
  if (await outcome.count()) {
    await outcome.getByRole("button", { name: "Dismiss" }).click();
    await outcome.waitFor({ state: "detached" });
  }
  await page.getByRole("button", { name: button, exact: true }).click();
  await outcome.waitFor({ timeout: 30_000 });
  await hooks(page, () => window.__invTest.waitIdle());
  return outcome.innerText();
}
