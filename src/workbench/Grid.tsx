/**
 * The sheet grid. Only the rows in view (plus a small margin) are rendered, so ledger sheets of a few
 * thousand rows scroll smoothly. Cells are plain text nodes: nothing from the workbook is parsed as HTML.
 * Grouped rows (row outlines) get a +/− button on their summary row that collapses or expands the group.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type RefObject, type UIEvent } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { addressOf, columnLetters, type GridCell, type GridSheet } from "./gridModel";
import { isSummaryRow, rowOrder, type RowOrder } from "./outline";

export const ROW_HEIGHT = 22;
const HEADER_WIDTH = 44;
const OVERSCAN = 8;

const useStyles = makeStyles({
  viewport: { position: "relative", overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1, fontSize: "12px" },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_HEIGHT}px` },
  rowInFlow: { position: "relative", display: "flex", height: `${ROW_HEIGHT}px` },
  cell: {
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: "0 4px",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    flexShrink: 0,
    cursor: "cell",
  },
  heading: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "center", cursor: "default" },
  rowHeading: { position: "sticky", left: 0, zIndex: 3 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  // Column letters and frozen rows stay at the top; scrolled rows pass under them.
  top: { position: "sticky", top: 0, zIndex: 4, backgroundColor: tokens.colorNeutralBackground1 },
  headingRow: { display: "flex", height: `${ROW_HEIGHT}px` },
  rowNumber: { display: "flex", alignItems: "center", justifyContent: "center", gap: "2px", padding: "0 2px" },
  outlineButton: {
    width: "14px",
    height: "14px",
    padding: 0,
    lineHeight: "12px",
    fontSize: "11px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    flexShrink: 0,
  },
});

/** The sheet's used columns plus two, and at least enough to fill the visible width. */
function columnsToFill(sheet: GridSheet, width: number): number {
  let cols = 0;
  let filled = HEADER_WIDTH;
  while (cols < sheet.colCount + 2 || filled < width) filled += sheet.colWidth(cols++);
  return cols;
}

/** Left offset of a column inside the content (after the row headings). */
function columnLeft(sheet: GridSheet, col: number): number {
  let left = HEADER_WIDTH;
  for (let c = 0; c < col; c++) left += sheet.colWidth(c);
  return left;
}

/** A frozen column's cell sticks at its place while the rest scrolls under it. */
function frozenStyle(sheet: GridSheet, col: number, zIndex: number): CSSProperties {
  return col < sheet.frozenColumns ? { position: "sticky", left: columnLeft(sheet, col), zIndex } : {};
}

export interface GridSelection {
  row: number;
  col: number;
}

export interface GridProps {
  sheet: GridSheet;
  selection: GridSelection;
  onSelect(selection: GridSelection): void;
  onStartEdit(): void;
}

function ColumnHeadings({ sheet, cols }: { sheet: GridSheet; cols: number }) {
  const styles = useStyles();
  return (
    <div className={styles.headingRow}>
      <div className={`${styles.cell} ${styles.heading} ${styles.rowHeading}`} style={{ width: HEADER_WIDTH }} />
      {Array.from({ length: cols }, (_, col) => (
        <div key={col} className={`${styles.cell} ${styles.heading}`} style={{ width: sheet.colWidth(col), ...frozenStyle(sheet, col, 2) }}>
          {columnLetters(col)}
        </div>
      ))}
    </div>
  );
}

/** Pixels per indent level: Excel indents by about the width of three characters at 11 pt. */
const INDENT_PIXELS = 9;

/** How a cell looks: Excel's fills, fonts, alignment and indent, and text overflow into empty neighbours. */
function cellStyle(cell: GridCell | undefined, sheet: GridSheet, col: number): CSSProperties {
  const frozen = frozenStyle(sheet, col, 2);
  return {
    width: sheet.colWidth(col),
    ...frozen,
    ...(frozen.position && { background: tokens.colorNeutralBackground1 }),
    textAlign: cell?.align ?? "left",
    ...(cell?.indent && { paddingLeft: 4 + cell.indent * INDENT_PIXELS }),
    fontWeight: cell?.bold ? 600 : undefined,
    fontSize: cell?.fontSize && cell.fontSize !== 11 ? `${cell.fontSize}pt` : undefined,
    ...(cell?.background && { background: cell.background }),
    color: cell?.color,
    // Overflowing text is drawn over its empty neighbours; a frozen cell keeps its sticky position.
    ...(cell?.overflow && { overflow: "visible", textOverflow: "clip" }),
    ...(cell?.overflow && !frozen.position && { position: "relative", zIndex: 1 }),
  };
}

/** The +/− button of a summary row (Excel draws it in the outline bar; here beside the row number). */
export interface OutlineToggle {
  collapsed: boolean;
  onToggle(): void;
}

interface GridRowProps extends Omit<GridProps, "selection"> {
  row: number;
  /** Display position (differs from the row when groups above are collapsed). */
  position: number;
  outlineToggle?: OutlineToggle;
  cols: number;
  width: number;
  /** A frozen row, laid out in the sticky top block instead of at its absolute place. */
  inFlow?: boolean;
  /** The selected column when the selection is in this row. */
  selectedCol: number | null;
}

function GridRow({ sheet, row, position, outlineToggle, cols, width, inFlow, selectedCol, onSelect, onStartEdit }: GridRowProps) {
  const styles = useStyles();
  return (
    <div className={inFlow ? styles.rowInFlow : styles.row} style={inFlow ? { width } : { top: (position + 1) * ROW_HEIGHT, width }} data-row={row}>
      <div className={`${styles.cell} ${styles.heading} ${styles.rowHeading} ${styles.rowNumber}`} style={{ width: HEADER_WIDTH }}>
        {outlineToggle && (
          <button
            type="button"
            className={styles.outlineButton}
            aria-label={`${outlineToggle.collapsed ? "Expand" : "Collapse"} the group under row ${row + 1}`}
            aria-expanded={!outlineToggle.collapsed}
            data-outline-toggle={row}
            onMouseDown={(event) => event.stopPropagation()}
            onClick={outlineToggle.onToggle}
          >
            {outlineToggle.collapsed ? "+" : "−"}
          </button>
        )}
        {row + 1}
      </div>
      {Array.from({ length: cols }, (_, col) => {
        const cell = sheet.cell(row, col);
        return (
          <div
            key={col}
            className={col === selectedCol ? `${styles.cell} ${styles.selected}` : styles.cell}
            style={cellStyle(cell, sheet, col)}
            data-address={addressOf(row, col)}
            onMouseDown={() => onSelect({ row, col })}
            onDoubleClick={onStartEdit}
          >
            {cell?.display ?? ""}
          </div>
        );
      })}
    </div>
  );
}

/** The viewport's size, followed as the window resizes. */
function useViewSize(viewport: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [view, setView] = useState({ width: 1200, height: 800 });
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setView({ width: element.clientWidth || 1200, height: element.clientHeight || 800 });
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewport]);
  return view;
}

/** Scrolls the viewport when the selection moves out of view (keyboard moves, cells picked from the pane). */
function useSelectionInView(viewport: RefObject<HTMLDivElement | null>, sheet: GridSheet, selection: GridSelection, order: RowOrder): void {
  // What stays in view: the column letters and frozen rows on top, the row numbers and frozen columns left.
  const topBlock = (1 + sheet.frozenRows) * ROW_HEIGHT;
  const leftBlock = columnLeft(sheet, sheet.frozenColumns);
  const scrollsVertically = selection.row >= sheet.frozenRows;
  const scrollsHorizontally = selection.col >= sheet.frozenColumns;
  const left = columnLeft(sheet, selection.col);
  const right = left + sheet.colWidth(selection.col);
  const top = (order.positionOf(selection.row) + 1) * ROW_HEIGHT;
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    if (scrollsVertically && top < element.scrollTop + topBlock) element.scrollTop = top - topBlock;
    else if (scrollsVertically && top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    if (scrollsHorizontally && left < element.scrollLeft + leftBlock) element.scrollLeft = left - leftBlock;
    else if (scrollsHorizontally && right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
  }, [viewport, left, right, top, topBlock, leftBlock, scrollsVertically, scrollsHorizontally]);
}

const NO_ROWS: ReadonlySet<number> = new Set();
const NO_OUTLINE: ReadonlyMap<number, number> = new Map();

/** The summary rows collapsed on the sheet shown (forgotten when another sheet is shown). */
function useCollapsedRows(sheetName: string): [ReadonlySet<number>, (row: number) => void] {
  const [state, setState] = useState<{ sheet: string; rows: ReadonlySet<number> }>({ sheet: sheetName, rows: NO_ROWS });
  const collapsed = state.sheet === sheetName ? state.rows : NO_ROWS;
  const toggle = useCallback(
    (row: number) =>
      setState((old) => {
        const rows = new Set(old.sheet === sheetName ? old.rows : NO_ROWS);
        if (!rows.delete(row)) rows.add(row);
        return { sheet: sheetName, rows };
      }),
    [sheetName],
  );
  return [collapsed, toggle];
}

export function Grid(props: GridProps) {
  const { sheet, selection } = props;
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement | null>(null);
  const view = useViewSize(viewport);
  const [scrollTop, setScrollTop] = useState(0);
  const [collapsed, toggle] = useCollapsedRows(sheet.name);
  const outline = sheet.outline ?? NO_OUTLINE;
  const padded = Math.max(sheet.rowCount + 20, Math.ceil(view.height / ROW_HEIGHT) + 1);
  const order = useMemo(() => rowOrder(sheet.rowCount, padded, outline, collapsed), [sheet.rowCount, padded, outline, collapsed]);
  const rows = Math.max(order.count, Math.ceil(view.height / ROW_HEIGHT) + 1);
  const cols = columnsToFill(sheet, view.width);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows - 1, Math.ceil((scrollTop + view.height) / ROW_HEIGHT) + OVERSCAN);
  const width = HEADER_WIDTH + Array.from({ length: cols }, (_, col) => sheet.colWidth(col)).reduce((a, b) => a + b, 0);

  useSelectionInView(viewport, sheet, selection, order);

  // Frozen rows (banner and header) are never grouped, so their positions are their rows.
  const frozen = Array.from({ length: sheet.frozenRows }, (_, row) => row);
  const visible: number[] = [];
  for (let position = Math.max(first, sheet.frozenRows); position <= last; position++) visible.push(position);
  const rowProps = (position: number) => {
    const row = order.rowAt(position);
    const outlineToggle = outline.size > 0 && row < sheet.rowCount && isSummaryRow(outline, row)
      ? { collapsed: collapsed.has(row), onToggle: () => toggle(row) }
      : undefined;
    return { ...props, row, position, outlineToggle, cols, width, selectedCol: row === selection.row ? selection.col : null };
  };
  return (
    <div
      className={styles.viewport}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      ref={viewport}
      data-testid="grid"
      aria-label={`Sheet ${sheet.name}`}
    >
      <div style={{ height: (rows + 1) * ROW_HEIGHT, width, position: "relative" }}>
        <div className={styles.top} style={{ width }}>
          <ColumnHeadings sheet={sheet} cols={cols} />
          {frozen.map((position) => (
            <GridRow key={position} {...rowProps(position)} inFlow />
          ))}
        </div>
        {visible.map((position) => (
          <GridRow key={order.rowAt(position)} {...rowProps(position)} />
        ))}
      </div>
    </div>
  );
}
