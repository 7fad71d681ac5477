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
  /** `literals[0]` without trailing white space, lower-cased: the recognition prefix. */
  readonly prefixLower: string
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
  return { source, literals, names, prefixLower: (literals[0] ?? "").trimEnd().toLowerCase() }
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
  // An exact `startsWith` is the common case and allocates nothing; the
  // lower-cased comparison only runs when the wording drifted in case.
  if (text.startsWith(template.literals[0]!.trimEnd())) return true
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
  if (!matchesTemplatePrefix(template, text)) return undefined
  const { literals, names } = template
  const values: Array<string | undefined> = new Array(names.length)
  let pos = template.prefixLower.length
  const last = names.length - 1
  for (let i = 0; i < last; i++) {
    const next = literals[i + 1]!.trim()
    const at = next.length === 0 ? pos : text.indexOf(next, pos)
    if (at < 0) return undefined
    values[i] = cleanValue(text.slice(pos, at))
    pos = at + next.length
  }
  if (last >= 0) {
    let end = text.length
    while (end > pos && isSpace(text.charCodeAt(end - 1))) end--
    const tail = literals[last + 1]!.trim()
    if (tail.length > 0 && end - tail.length >= pos && text.startsWith(tail, end - tail.length)) end -= tail.length
    values[last] = cleanValue(text.slice(pos, end))
  }
  return values
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

const cleanValue = (raw: string): string | undefined => {
  let value = raw.trim()
  if (value.length >= 2) {
    const first = value.charCodeAt(0)
    // ` " '
    if ((first === 96 || first === 34 || first === 39) && value.charCodeAt(value.length - 1) === first) {
      value = value.slice(1, -1).trim()
    }
  }
  return value.length === 0 ? undefined : value
}
