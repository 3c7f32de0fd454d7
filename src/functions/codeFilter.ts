/**
 * Business Central filter syntax on codes (excel.md §1.1): `1000|2000`, `1000..1999`, `<>EAST`, `10*`,
 * `A?C`, `>=2000&<3000`; blank = all; case-insensitive. A single plain code is not a filter: it must exist,
 * while a filter that matches nothing simply selects nothing (BC semantics).
 */

export type CodePredicate = (code: string) => boolean;

const FILTER_SYNTAX = /[|&*?<>=@()']|\.\./;

export function isFilter(text: string): boolean {
  return text === "" || FILTER_SYNTAX.test(text);
}

function wildcard(pattern: string): CodePredicate {
  const source = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const regex = new RegExp(`^${source}$`);
  return (code) => regex.test(code);
}

/** One term without `|` or `&`: a range, a comparison, a wildcard pattern or an exact code. */
function term(raw: string): CodePredicate {
  const text = raw.trim().replace(/^@/, "").replace(/^'(.*)'$/, "$1");
  const range = /^(.*?)\.\.(.*)$/.exec(text);
  if (range) {
    const [from, to] = [range[1].trim(), range[2].trim()];
    return (code) => (from === "" || code >= from) && (to === "" || code <= to);
  }
  const comparison = /^(<>|<=|>=|<|>|=)(.*)$/.exec(text);
  if (comparison) {
    const inner = comparison[2].trim();
    const same = /[*?]/.test(inner) ? wildcard(inner) : (code: string) => code === inner;
    switch (comparison[1]) {
      case "<>":
        return (code) => !same(code);
      case "<=":
        return (code) => code <= inner;
      case ">=":
        return (code) => code >= inner;
      case "<":
        return (code) => code < inner;
      case ">":
        return (code) => code > inner;
      default:
        return same;
    }
  }
  if (/[*?]/.test(text)) return wildcard(text);
  return (code) => code === text;
}

/** Compiles a filter into a predicate on codes; comparison is on upper-cased text. */
export function codeFilter(filter: string): CodePredicate {
  const text = filter.trim().toUpperCase();
  if (text === "") return () => true;
  const alternatives = text.split("|").map((alternative) => alternative.split("&").map(term));
  return (code) => {
    const upper = code.toUpperCase();
    return alternatives.some((conjunction) => conjunction.every((predicate) => predicate(upper)));
  };
}
