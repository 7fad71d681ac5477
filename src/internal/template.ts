/**
 * Long-message templates: `"No second factors were found for strategy {strategy}."`.
 *
 * Parsed once at load time into literal parts and parameter names, then used
 * both ways: to render a message (constructors) and to read parameters back
 * out of a message (decoder).
 *
 * @internal
 */

/** A template split at its `{name}` placeholders: `literals.length === names.length + 1`. */
export interface Template {
  readonly source: string
  readonly literals: ReadonlyArray<string>
  readonly names: ReadonlyArray<string>
  /** `literals[0]` without trailing white space: the recognition prefix. */
  readonly prefix: string
  /** The same, lower-cased, for wording that drifted in case. */
  readonly prefixLower: string
  /**
   * `literals[1..]` trimmed, what `readTemplate` searches for. Trimmed once
   * here: `trim()` in the reader would allocate a string per call.
   */
  readonly trimmedLiterals: ReadonlyArray<string>
}

/** Parses a template. Placeholders are `{name}`; braces do not nest. */
export const parseTemplate = (source: string): Template => {
  const literals: Array<string> = []
  const names: Array<string> = []
  let pos = 0
  for (;;) {
    const open = source.indexOf("{", pos)
    const close = open < 0 ? -1 : source.indexOf("}", open)
    if (close < 0) {
      literals.push(source.slice(pos))
      break
    }
    literals.push(source.slice(pos, open))
    names.push(source.slice(open + 1, close))
    pos = close + 1
  }
  const prefix = (literals[0] ?? "").trimEnd()
  return { source, literals, names, prefix, prefixLower: prefix.toLowerCase(), trimmedLiterals: literals.slice(1).map((l) => l.trim()) }
}

/** Renders a template; a missing parameter renders as nothing, which `readTemplate` reads back as missing. */
export const renderTemplate = (template: Template, params: Readonly<Record<string, unknown>>): string => {
  let out = template.literals[0] ?? ""
  for (let i = 0; i < template.names.length; i++) {
    const value = params[template.names[i]!]
    out += (typeof value === "string" ? value : "") + (template.literals[i + 1] ?? "")
  }
  return out.trimEnd()
}

/** Whether `text` starts with the template's first literal (white space at its end and case aside). */
export const matchesTemplatePrefix = (template: Template, text: string): boolean => {
  const prefix = template.prefixLower
  if (text.length < prefix.length) return false
  // An exact comparison is the common case and allocates nothing; the
  // lower-cased one only runs when the wording drifted in case.
  // `lastIndexOf(p, 0) === 0` is `startsWith(p)` (it can only look at index
  // 0). On Node 20's V8 it took 50-90 ns in micro-benchmarks where
  // `startsWith` took as long or up to 3x longer, depending on where the
  // prefix string came from (docs/performance.md, "What the fast path does").
  if (text.lastIndexOf(template.prefix, 0) === 0) return true
  return text.slice(0, prefix.length).toLowerCase() === prefix
}

/**
 * Reads the parameters out of `text`, in `template.names` order, or returns
 * `undefined` when the text does not follow the template.
 *
 * Linear in the text: one `startsWith`, one `indexOf` per inner literal and
 * one `endsWith`, never a regular expression, so a hostile 1 MB message costs
 * one scan. Values are trimmed and lose one pair of wrapping backticks or
 * quotes (Clerk's docs print parameters as `` `<action>` ``); an empty value
 * is `undefined`. A missing trailing literal (a message without its final
 * period) is tolerated.
 */
export const readTemplate = (
  template: Template,
  text: string,
): ReadonlyArray<string | undefined> | undefined => {
  const values: Array<string | undefined> = new Array(template.names.length)
  return readTemplateInto(template, text, values) ? values : undefined
}

/**
 * `readTemplate` writing into `values` (the decoder passes one reused
 * array, so a decode allocates nothing but the values themselves); returns
 * whether the text follows the template. Reads only the string: no user code
 * runs while `values` is being filled.
 */
export const readTemplateInto = (template: Template, text: string, values: Array<string | undefined>): boolean =>
  matchesTemplatePrefix(template, text) && readTemplateAfterPrefix(template, text, values)

/**
 * `readTemplateInto` for a text whose prefix is already known to match (the
 * decoder recognised the error by it): the prefix test is a C++ builtin
 * call, about half of reading a one-parameter template, and is not repeated.
 */
export const readTemplateAfterPrefix = (template: Template, text: string, values: Array<string | undefined>): boolean => {
  const inner = template.trimmedLiterals
  let pos = template.prefix.length
  const last = template.names.length - 1
  for (let i = 0; i < last; i++) {
    const next = inner[i]!
    const at = next.length === 0 ? pos : text.indexOf(next, pos)
    if (at < 0) return false
    values[i] = cleanValue(text, pos, at)
    pos = at + next.length
  }
  if (last >= 0) {
    let end = text.length
    while (end > pos && isSpace(text.charCodeAt(end - 1))) end--
    const tail = inner[last]!
    // `indexOf` from where the tail would start scans at most the tail's
    // length; `startsWith(tail, at)` is slower on Node 20's V8 (see above).
    if (tail.length > 0 && end - tail.length >= pos && text.indexOf(tail, end - tail.length) === end - tail.length) end -= tail.length
    values[last] = cleanValue(text, pos, end)
  }
  return true
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/** What `String.prototype.trim` removes (white space and line terminators), by char code. */
const isTrimmed = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))

/**
 * `text.slice(from, to).trim()`, without one pair of wrapping backticks or
 * quotes (trimmed again), `undefined` when empty. Works on indices so that
 * the usual value (`totp`, `sia_2xyz`) costs one `slice` and no
 * intermediate strings.
 */
const cleanValue = (text: string, from: number, to: number): string | undefined => {
  while (from < to && isTrimmed(text.charCodeAt(from))) from++
  while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--
  if (to - from >= 2) {
    const first = text.charCodeAt(from)
    // ` " '
    if ((first === 96 || first === 34 || first === 39) && text.charCodeAt(to - 1) === first) {
      from++
      to--
      while (from < to && isTrimmed(text.charCodeAt(from))) from++
      while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--
    }
  }
  return from === to ? undefined : text.slice(from, to)
}
