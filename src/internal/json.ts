/**
 * Copying JSON data out of untrusted input, and the decoder's failure record.
 *
 * @internal
 */

/** A path into the input: object keys and array indices. */
export type Path = ReadonlyArray<string | number>

/**
 * Why the input was rejected, where. A class so the decoder can tell a
 * failure from a value with one `instanceof` instead of a wrapper per result.
 */
export class Issue {
  constructor(
    readonly path: Path,
    readonly expected: string,
    readonly actual: unknown,
    /** What was found, when `actual` alone does not say it (a syntax error, a throwing getter). */
    readonly found?: string,
  ) {}
}

export const isIssue = (u: unknown): u is Issue => u instanceof Issue

const objectToString = Object.prototype.toString

/** Whether `u` is an object whose data we copy key by key (plain, null-prototype, or a class instance whose tag is `Object`). */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u) && objectToString.call(u) === "[object Object]"

/** `camelCase` to `snake_case`, as Clerk's SDKs map meta keys (`sessionId` ⇄ `session_id`). */
export const snakeCase = (key: string): string => {
  let out = ""
  let from = 0
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c >= 65 && c <= 90) {
      out += key.slice(from, i) + "_" + String.fromCharCode(c + 32)
      from = i + 1
    }
  }
  return from === 0 ? key : out + key.slice(from)
}

/** `snake_case` to `camelCase`. */
export const camelCase = (key: string): string => {
  let out = ""
  let from = 0
  for (let i = 0; i < key.length - 1; i++) {
    if (key.charCodeAt(i) === 95) {
      out += key.slice(from, i) + key.charAt(i + 1).toUpperCase()
      from = i + 2
      i++
    }
  }
  return from === 0 ? key : out + key.slice(from)
}

/**
 * Sets `key` on a fresh object. `__proto__` needs `defineProperty`: a plain
 * assignment would change the copy's prototype instead of keeping the key
 * (`JSON.parse` makes it an own key, so the wire can carry it).
 */
export const setKey = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

interface Frame {
  readonly source: object
  readonly target: Record<string, unknown> | Array<unknown>
  readonly keys: ReadonlyArray<string> | undefined
  readonly length: number
  index: number
  readonly key: string | number
}

/**
 * Deep-copies a JSON object, freezing every level, or returns an `Issue` for
 * the first value that is not JSON data (a function, a symbol, a bigint, a
 * `Date`, a cycle...). Keys whose value is `undefined` are dropped, as
 * `JSON.stringify` would. With `snakeKeys` the top-level keys are mapped from
 * the SDK's camelCase to the wire's snake_case.
 *
 * Iterative, with an explicit stack, so a meta nested 10,000 deep cannot
 * overflow the call stack; the set of objects on that stack detects cycles
 * while shared (acyclic) references are simply copied twice.
 */
export const copyJsonObject = (source: object, snakeKeys: boolean): Record<string, unknown> | Issue => {
  const root: Record<string, unknown> = {}
  const keys = Object.keys(source)
  const src = source as Record<string, unknown>
  let stack: Array<Frame> | undefined
  // The common meta is flat ({}, { param_name }, { session_id }): copy it in
  // one loop and only set up the stack when a nested object appears.
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = src[key]
    if (value === undefined) continue
    const outKey = snakeKeys ? snakeCase(key) : key
    const t = typeof value
    if (t === "string" || t === "number" || t === "boolean" || value === null) {
      setKey(root, outKey, value)
      continue
    }
    const nested = copyNested(value, outKey, (stack ??= [{ source, target: root, keys, length: keys.length, index: i, key: "" }]))
    if (nested instanceof Issue) return nested
    setKey(root, outKey, nested)
  }
  return Object.freeze(root)
}

/** Copies one nested JSON value below `parents`; the path of an `Issue` is read off the stack. */
const copyNested = (value: unknown, key: string, parents: Array<Frame>): unknown | Issue => {
  const base = parents.length
  const onStack = new Set<object>()
  for (const frame of parents) onStack.add(frame.source)
  const fail = (expected: string, actual: unknown, lastKey: string | number): Issue => {
    const path: Array<string | number> = []
    for (let i = 1; i < parents.length; i++) path.push(parents[i]!.key)
    path.push(lastKey)
    parents.length = base
    return new Issue(path, expected, actual)
  }
  const open = (v: unknown, k: string | number): Frame | Issue => {
    if (typeof v !== "object" || v === null) return fail("JSON value", v, k)
    if (onStack.has(v)) return fail("JSON value without cycles", v, k)
    if (Array.isArray(v)) {
      return { source: v, target: new Array<unknown>(v.length), keys: undefined, length: v.length, index: 0, key: k }
    }
    if (!isRecord(v)) return fail("JSON value", v, k)
    const keys = Object.keys(v)
    return { source: v, target: {}, keys, length: keys.length, index: 0, key: k }
  }
  const first = open(value, key)
  if (first instanceof Issue) return first
  parents.push(first)
  onStack.add(first.source)
  for (;;) {
    const frame = parents[parents.length - 1]!
    if (frame.index >= frame.length) {
      Object.freeze(frame.target)
      parents.pop()
      onStack.delete(frame.source)
      if (parents.length === base) return frame.target
      const parent = parents[parents.length - 1]!
      assign(parent, frame.key, frame.target)
      parent.index++
      continue
    }
    const k: string | number = frame.keys === undefined ? frame.index : frame.keys[frame.index]!
    const v = (frame.source as Record<string | number, unknown>)[k]
    const t = typeof v
    if (t === "string" || t === "number" || t === "boolean" || v === null) {
      assign(frame, k, v)
      frame.index++
    } else if (v === undefined) {
      // Dropped in objects; in arrays a hole or `undefined` becomes `null`, as in JSON.
      if (frame.keys === undefined) (frame.target as Array<unknown>)[k as number] = null
      frame.index++
    } else {
      const child = open(v, k)
      if (child instanceof Issue) return child
      parents.push(child)
      onStack.add(child.source)
    }
  }
}

const assign = (frame: Frame, key: string | number, value: unknown): void => {
  if (frame.keys === undefined) (frame.target as Array<unknown>)[key as number] = value
  else setKey(frame.target as Record<string, unknown>, key as string, value)
}

/** A short, safe description of a value for a failure message; never throws. */
export const describe = (u: unknown): string => {
  try {
    switch (typeof u) {
      case "string":
        return JSON.stringify(u.length > 40 ? u.slice(0, 40) + "…" : u)
      case "number":
      case "boolean":
      case "undefined":
        return String(u)
      case "bigint":
        return `${u}n`
      case "symbol":
        return "a symbol"
      case "function":
        return "a function"
    }
    if (u === null) return "null"
    if (Array.isArray(u)) return u.length === 0 ? "[]" : `an array of ${u.length}`
    const tag = objectToString.call(u).slice(8, -1)
    return tag === "Object" ? "an object" : `a ${tag}`
  } catch {
    return "an unreadable value"
  }
}
