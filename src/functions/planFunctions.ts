/**
 * The planning and tracking functions by name (excel.md §1.2), over the page's batcher: the scalar ones take
 * a range of items (ranges in, arrays out), the spills one request per call. Each builder turns one cell's
 * arguments into a PlanRequest (or throws the argument's #VALUE!).
 */
import { dateArgument } from "./arguments";
import type { FunctionBatcher } from "./batcher";
import { cancelSignalOf, evaluateCells, evaluateSpill, type ArgumentAt, type ResultMatrix } from "./cells";
import { invalidValue } from "./cellErrors";
import {
  countArgument, lotArgument, methodArgument, periodTypeArgument, planOptions, planRequest, requiredDate, requiredItem,
  serialArgument, sideArgument, singleCode, type PlanFunctionName, type PlanRequest,
} from "./planArguments";

type PlanFunction = (...args: unknown[]) => ResultMatrix | Promise<ResultMatrix>;
type Builder = (item: string, argument: ArgumentAt) => PlanRequest;

/** The single value of an argument Excel passes as a matrix (spill functions take scalars). */
function single(value: unknown): unknown {
  return Array.isArray(value) ? single(value[0]) : value;
}

const location = (argument: ArgumentAt) => singleCode(argument("location"), "location");

const scalarBuilders: Record<string, { names: string[]; build: Builder }> = {
  AVAILABLE: {
    names: ["asOf", "location", "options"],
    build: (item, a) => planRequest("AVAILABLE", requiredItem(item), { date: dateArgument(a("asOf")), location: location(a), ...planOptions(a("options"), ["expired"]) }),
  },
  PAB: {
    names: ["date", "location", "options"],
    build: (item, a) => planRequest("PAB", requiredItem(item), { date: requiredDate(a("date"), "date"), location: location(a), ...planOptions(a("options"), []) }),
  },
  RESERVED: {
    names: ["location", "side"],
    build: (item, a) => planRequest("RESERVED", requiredItem(item), { location: location(a), mode: sideArgument(a("side")) }),
  },
  LOTQTY: {
    names: ["lot", "asOf", "location", "serial"],
    build: (item, a) => {
      const lot = lotArgument(a("lot"));
      const serial = serialArgument(a("serial"));
      if (lot === null && serial === null) throw invalidValue("lot is required (or a serial)");
      return planRequest("LOTQTY", requiredItem(item), { lot, serial, date: dateArgument(a("asOf")), location: location(a) });
    },
  },
  EXPIRY: {
    names: ["lot", "serial"],
    build: (item, a) => {
      const lot = lotArgument(a("lot"));
      const serial = serialArgument(a("serial"));
      if (lot === null && serial === null) throw invalidValue("lot is required (or a serial)");
      return planRequest("EXPIRY", requiredItem(item), { lot, serial });
    },
  },
  ABLETOMAKE: {
    names: ["date", "location"],
    build: (item, a) => planRequest("ABLETOMAKE", requiredItem(item), { date: dateArgument(a("date")), location: location(a) }),
  },
};

function scalar(batcher: () => FunctionBatcher, fn: string): PlanFunction {
  const { names, build } = scalarBuilders[fn];
  return (item, ...rest) => {
    const others = Object.fromEntries(names.map((name, at) => [name, rest[at]]));
    return evaluateCells(batcher(), item, others, build, cancelSignalOf(rest[names.length]));
  };
}

function spill(batcher: () => FunctionBatcher, arity: number, build: (...args: unknown[]) => PlanRequest): PlanFunction {
  return (...args) => evaluateSpill(batcher(), () => build(...args.slice(0, arity).map(single)), cancelSignalOf(args[arity]));
}

export function planFunctions(batcher: () => FunctionBatcher): Record<PlanFunctionName, PlanFunction> {
  return {
    AVAILABLE: scalar(batcher, "AVAILABLE"),
    PAB: scalar(batcher, "PAB"),
    RESERVED: scalar(batcher, "RESERVED"),
    LOTQTY: scalar(batcher, "LOTQTY"),
    EXPIRY: scalar(batcher, "EXPIRY"),
    ABLETOMAKE: scalar(batcher, "ABLETOMAKE"),
    LOTS: spill(batcher, 4, (item, asOf, at, options) =>
      planRequest("LOTS", requiredItem(item), { date: dateArgument(asOf), location: singleCode(at, "location"), ...planOptions(options, ["headers"]) })),
    AVAILBYPERIOD: spill(batcher, 6, (item, start, periodType, count, at, options) =>
      planRequest("AVAILBYPERIOD", requiredItem(item), {
        date: dateArgument(start), mode: periodTypeArgument(periodType), count: countArgument(count),
        location: singleCode(at, "location"), ...planOptions(options, ["headers"]),
      })),
    AVAILBYEVENT: spill(batcher, 5, (item, from, to, at, options) => {
      const [start, end] = [dateArgument(from), dateArgument(to)];
      if (start !== null && end !== null && start > end) throw invalidValue("from must not be after to");
      return planRequest("AVAILBYEVENT", requiredItem(item), { date: start, to: end, location: singleCode(at, "location"), ...planOptions(options, ["headers"]) });
    }),
    TRACE: spill(batcher, 4, (lot, serial, method, options) => {
      const [lotNo, serialNo] = [lotArgument(lot), serialArgument(serial)];
      if (lotNo === null && serialNo === null) throw invalidValue("lot or serial is required");
      return planRequest("TRACE", "", { lot: lotNo, serial: serialNo, mode: methodArgument(method), ...planOptions(options, ["headers"]) });
    }),
  };
}
