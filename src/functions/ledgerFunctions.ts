/**
 * The valuation and ledger functions by name (excel.md §1.2) over the page's batcher: the scalar ones take a
 * range in their first argument (ranges in, arrays out), the spills one request per call. Each builder
 * turns one cell's arguments into a LedgerRequest (or throws the argument's #VALUE!).
 */
import { basisArgument, codeText, dateArgument, isBlank } from "./arguments";
import type { FunctionBatcher } from "./batcher";
import { cancelSignalOf, evaluateCells, evaluateSpill, type ArgumentAt, type ResultMatrix } from "./cells";
import { invalidValue } from "./cellErrors";
import {
  checkPeriod, explainKindArgument, ledgerOptions, ledgerRequest, methodArgument, periodLengthArgument, requiredCode, stdCostArgument,
  VALUE_OPTION_KEYS, type LedgerFunctionName, type LedgerRequest,
} from "./ledgerArguments";
import { singleCode } from "./planArguments";

type LedgerFunction = (...args: unknown[]) => ResultMatrix | Promise<ResultMatrix>;
type Builder = (item: string, argument: ArgumentAt) => LedgerRequest;

/** The single value of an argument Excel passes as a matrix (spill functions take scalars). */
function single(value: unknown): unknown {
  return Array.isArray(value) ? single(value[0]) : value;
}

function period(from: unknown, to: unknown) {
  const [start, end] = [dateArgument(from), dateArgument(to)];
  checkPeriod(start, end);
  return { from: start, to: end };
}

const scalarBuilders: Record<string, { names: string[]; build: Builder }> = {
  COGS: {
    names: ["from", "to", "location", "basis", "options"],
    build: (item, a) => ledgerRequest("COGS", item, {
      ...period(a("from"), a("to")), location: codeText(a("location"), "location"), basis: basisArgument(a("basis")),
      ...ledgerOptions(a("options"), VALUE_OPTION_KEYS),
    }),
  },
  VALUEASIF: {
    names: ["method", "asOf", "location", "stdCost"],
    build: (item, a) => ledgerRequest("VALUEASIF", requiredCode(item, "item"), {
      mode: methodArgument(a("method")), to: dateArgument(a("asOf")), location: codeText(a("location"), "location"), stdCost: stdCostArgument(a("stdCost")),
    }),
  },
  COGSASIF: {
    names: ["method", "from", "to", "location", "stdCost"],
    build: (item, a) => ledgerRequest("COGSASIF", requiredCode(item, "item"), {
      mode: methodArgument(a("method")), ...period(a("from"), a("to")), location: codeText(a("location"), "location"), stdCost: stdCostArgument(a("stdCost")),
    }),
  },
  GLDIFF: {
    names: ["asOf", "options"],
    build: (account, a) => ledgerRequest("GLDIFF", requiredCode(account, "account"), { to: dateArgument(a("asOf")), ...ledgerOptions(a("options"), []) }),
  },
};

function scalar(batcher: () => FunctionBatcher, fn: string): LedgerFunction {
  const { names, build } = scalarBuilders[fn];
  return (item, ...rest) => {
    const others = Object.fromEntries(names.map((name, at) => [name, rest[at]]));
    return evaluateCells(batcher(), item, others, build, cancelSignalOf(rest[names.length]));
  };
}

function spill(batcher: () => FunctionBatcher, arity: number, build: (...args: unknown[]) => LedgerRequest): LedgerFunction {
  return (...args) => evaluateSpill(batcher(), () => build(...args.slice(0, arity).map(single)), cancelSignalOf(args[arity]));
}

/**
 * INV.EXPLAIN(kind, item, [from/asOf], [to], [location], [basis], [options]): COGS reads a period (from, to);
 * every other kind reads its date from the third argument; GLDIFF reads an account in `item`.
 */
function explainRequest(kind: unknown, item: unknown, third: unknown, fourth: unknown, at: unknown, basis: unknown, options: unknown): LedgerRequest {
  const mode = explainKindArgument(kind);
  const code = requiredCode(item, mode === "GLDIFF" ? "account" : "item");
  const dates = mode === "COGS" ? period(third, fourth) : { from: null, to: dateArgument(third) };
  if (mode !== "COGS" && !isBlank(fourth)) throw invalidValue(`to is only used to explain COGS; give ${mode}'s date as the third argument`);
  const keys = mode === "AVAILABLE" ? ([...VALUE_OPTION_KEYS, "headers", "expired"] as const) : ([...VALUE_OPTION_KEYS, "headers"] as const);
  const location = mode === "GLDIFF" ? "" : codeText(at, "location");
  return ledgerRequest("EXPLAIN", code, { mode, ...dates, location, basis: basisArgument(basis), ...ledgerOptions(options, keys) });
}

export function ledgerFunctions(batcher: () => FunctionBatcher): Record<LedgerFunctionName, LedgerFunction> {
  return {
    COGS: scalar(batcher, "COGS"),
    VALUEASIF: scalar(batcher, "VALUEASIF"),
    COGSASIF: scalar(batcher, "COGSASIF"),
    GLDIFF: scalar(batcher, "GLDIFF"),
    OPENENTRIES: spill(batcher, 5, (item, asOf, at, basis, options) =>
      ledgerRequest("OPENENTRIES", singleCode(requiredCode(item, "item"), "item"), {
        to: dateArgument(asOf), location: codeText(at, "location"), basis: basisArgument(basis), ...ledgerOptions(options, [...VALUE_OPTION_KEYS, "headers"]),
      })),
    INCDEC: spill(batcher, 6, (item, from, to, at, basis, options) =>
      ledgerRequest("INCDEC", codeText(item, "item"), {
        ...period(from, to), location: codeText(at, "location"), basis: basisArgument(basis), ...ledgerOptions(options, [...VALUE_OPTION_KEYS, "headers"]),
      })),
    AGING: spill(batcher, 5, (item, asOf, length, at, options) =>
      ledgerRequest("AGING", singleCode(requiredCode(item, "item"), "item"), {
        to: dateArgument(asOf), mode: periodLengthArgument(length), location: codeText(at, "location"), ...ledgerOptions(options, ["variant", "lot", "serial", "headers"]),
      })),
    EXPLAIN: spill(batcher, 7, explainRequest),
    WORKDATE: spill(batcher, 0, () => ledgerRequest("WORKDATE", "", {})),
    VERSION: spill(batcher, 0, () => ledgerRequest("VERSION", "", {})),
  };
}
