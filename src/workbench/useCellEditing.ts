/**
 * Excel-like editing of the workbench grid: arrows move the selection, typing a character starts
 * editing the selected cell with that character (in the formula bar), Enter commits and moves down,
 * Escape cancels, Delete clears. The cell being edited is fixed when editing starts, so clicking
 * another cell while editing commits to the cell that was being edited, as Excel does.
 */
import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { WorkbenchController } from "./controller";
import type { GridSelection } from "./Grid";

interface EditTarget extends GridSelection {
  sheet: string;
}

export interface CellEditing {
  selection: GridSelection;
  select(selection: GridSelection): void;
  /** What the formula bar shows: the draft while editing, else the selected cell's input. */
  barText: string;
  formulaInput: RefObject<HTMLInputElement | null>;
  gridArea: RefObject<HTMLDivElement | null>;
  edit(text: string): void;
  commit(move: "down" | "none"): void;
  cancel(): void;
  onGridKey(event: KeyboardEvent<HTMLDivElement>): void;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };

export function useCellEditing(controller: WorkbenchController, sheet: string): CellEditing {
  const [selection, setSelection] = useState<GridSelection>({ row: 0, col: 0 });
  const [shownSheet, setShownSheet] = useState(sheet);
  const [draft, setDraft] = useState<string | null>(null);
  const formulaInput = useRef<HTMLInputElement | null>(null);
  const gridArea = useRef<HTMLDivElement | null>(null);
  const target = useRef<EditTarget>({ sheet, row: 0, col: 0 });
  // The draft as of now: focus moves inside the handlers below fire blur (and commit) before React re-renders.
  const pending = useRef<string | null>(null);

  const [handledRequest, setHandledRequest] = useState(0);

  // Another sheet shown: start at A1, unless a cell of it was asked for (state adjusted during render).
  const request = controller.lastSelectionRequest();
  if (request && request.id !== handledRequest && request.sheet === sheet) {
    setHandledRequest(request.id);
    setShownSheet(sheet);
    setSelection({ row: request.row, col: request.col });
  } else if (shownSheet !== sheet) {
    setShownSheet(sheet);
    setSelection({ row: 0, col: 0 });
  }

  const edit = (text: string) => {
    if (pending.current === null) target.current = { sheet, ...selection };
    pending.current = text;
    setDraft(text);
  };

  const commit = (move: "down" | "none") => {
    const text = pending.current;
    if (text === null) return;
    const { sheet: targetSheet, row, col } = target.current;
    pending.current = null;
    setDraft(null);
    void controller.setCellInput(targetSheet, row, col, text);
    if (move === "down") {
      setSelection({ row: row + 1, col });
      gridArea.current?.focus();
    }
  };

  const cancel = () => {
    pending.current = null;
    setDraft(null);
    gridArea.current?.focus();
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      setSelection((current) => ({ row: Math.max(0, current.row + move[0]), col: Math.max(0, current.col + move[1]) }));
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a cell replaces its content, starting with this character.
      event.preventDefault();
      edit(event.key);
      formulaInput.current?.focus();
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      formulaInput.current?.focus();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      void controller.setCellInput(sheet, selection.row, selection.col, "");
    }
  };

  return {
    selection,
    select: setSelection,
    barText: draft ?? controller.cellInput(sheet, selection.row, selection.col),
    formulaInput,
    gridArea,
    edit,
    commit,
    cancel,
    onGridKey,
  };
}
