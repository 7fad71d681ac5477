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
 * while a shared (acyclic) reference is copied once and its frozen copy
 * shared in the result. A hole in an array is not JSON data (see below).
 */
export const copyJsonObject = (source: object, snakeKeys: boolean): Record<string, unknown> | Issue => {
  // Most errors carry `meta: {}`. Every empty copy is this one frozen object:
  // immutable, so sharing it shares no state, and it saves an allocation and
  // an `Object.freeze`, which costs as much as the rest of an error's decode
  // (a C++ builtin that looks up and migrates to the frozen map). `for-in`
  // tells an empty object without allocating `Object.keys`' array; an
  // inherited enumerable key only sends it on to `Object.keys` below.
  if (!hasEnumerableKey(source)) return EMPTY
  const keys = Object.keys(source)
  if (keys.length === 0) return EMPTY
  const root: Record<string, unknown> = {}
  const src = source as Record<string, unknown>
  // The common meta is flat ({ param_name }, { session_id }): this loop
  // copies it. The first nested value hands the rest of the copy to
  // `copyWithNested`, out of line, so that this function stays small enough
  // for TurboFan to inline into the decoder.
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = src[key]
    if (value === undefined) continue
    // `typeof` tested in place, never kept in a variable: TurboFan turns
    // `typeof v === "string"` into a type check, but a kept result is a
    // call to the `Typeof` builtin and string comparisons.
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
      setKey(root, snakeKeys ? snakeCase(key) : key, value)
      continue
    }
    return copyWithNested(source, keys, i, root, snakeKeys)
  }
  return Object.freeze(root)
}

/** `copyJsonObject` from `keys[from]`, its first nested value, on. */
const copyWithNested = (
  source: object,
  keys: ReadonlyArray<string>,
  from: number,
  root: Record<string, unknown>,
  snakeKeys: boolean,
): Record<string, unknown> | Issue => {
  const src = source as Record<string, unknown>
  let stack: Array<Frame> | undefined
  // Finished copies by source: a value referenced many times (a DAG) is
  // copied once, so `{ l: x, r: x }` nested 50 deep costs 50 copies, not 2^50.
  let copies: Map<unknown, unknown> | undefined
  let fast: FastState | undefined
  for (let i = from; i < keys.length; i++) {
    const key = keys[i]!
    const value = src[key]
    if (value === undefined) continue
    const outKey = snakeKeys ? snakeCase(key) : key
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
      setKey(root, outKey, value)
      continue
    }
    // Small nested data (the Frontend API's client in an envelope's meta) is
    // copied by plain recursion first; anything else, and every value once
    // the iterative copy has started, goes to `copyNested`.
    let nested = copies === undefined ? copyFast(value, 1, (fast ??= newFastState(source))) : HANDOVER
    if (nested === HANDOVER) {
      nested = copyNested(
        value,
        outKey,
        (stack ??= [{ source, target: root, keys, length: keys.length, index: i, key: "" }]),
        (copies ??= finishedCopies(fast)),
      )
      if (nested instanceof Issue) return nested
    }
    setKey(root, outKey, nested)
  }
  return Object.freeze(root)
}

/** Whether `o` has an enumerable key, own or inherited, found without allocating. */
const hasEnumerableKey = (o: object): boolean => {
  for (const _ in o) return true
  return false
}

/** The copy of every empty object: see `copyJsonObject`. */
const EMPTY: Record<string, unknown> = Object.freeze({})
const EMPTY_ARRAY: ReadonlyArray<unknown> = Object.freeze([])

/** How much `copyFast` copies before it hands over: past these, a copy is the iterative one. */
const FAST_MAX_DEPTH = 16
const FAST_MAX_CONTAINERS = 32

/** `copyFast`'s answer when the iterative copy must take over. */
const HANDOVER: unique symbol = Symbol("handover")

/** The containers `copyFast` met, in order, and their frozen copies (`undefined` while still being copied). */
interface FastState {
  readonly sources: Array<object>
  readonly copies: Array<unknown>
}

/** The root is on the path from the start: a value that holds it is a cycle. */
const newFastState = (root: object): FastState => ({ sources: [root], copies: [undefined] })

/** The copies `copyFast` finished, for the iterative copy to share, as it shares its own. */
const finishedCopies = (fast: FastState | undefined): Map<unknown, unknown> => {
  const map = new Map<unknown, unknown>()
  if (fast !== undefined) {
    for (let i = 0; i < fast.sources.length; i++) if (fast.copies[i] !== undefined) map.set(fast.sources[i], fast.copies[i])
  }
  return map
}

/**
 * The fast path of `copyNested`: plain recursion, no stack of frames, no
 * `Set` or `Map`, so a small nested meta costs its copies and little else.
 * Bounded (16 deep, 32 containers) and conservative: a cycle, a hole, a
 * value that is not JSON data or a bound reached returns `HANDOVER`, and
 * `copyNested` starts that value over and says precisely what is wrong. A
 * container met twice shares its first copy (containers are few here, so
 * a linear search beats a `Map`), as in `copyNested`.
 */
const copyFast = (value: unknown, depth: number, state: FastState): unknown => {
  if (typeof value !== "object" || value === null || depth > FAST_MAX_DEPTH) return HANDOVER
  const sources = state.sources
  for (let i = 0; i < sources.length; i++) {
    // Finished: shared. Unfinished: it is on the current path, a cycle.
    if (sources[i] === value) return state.copies[i] ?? HANDOVER
  }
  if (sources.length >= FAST_MAX_CONTAINERS) return HANDOVER
  const slot = sources.length
  sources.push(value)
  state.copies.push(undefined)
  let copy: object
  if (Array.isArray(value)) {
    if (value.length === 0) return finish(state, slot, EMPTY_ARRAY)
    // Grown, not preallocated: a sparse array's length is a claim, and its first hole hands over.
    const out: Array<unknown> = []
    for (let i = 0; i < value.length; i++) {
      let item: unknown = value[i]
      if (typeof item === "object" && item !== null) {
        item = copyFast(item, depth + 1, state)
        if (item === HANDOVER) return HANDOVER
      } else if (item === undefined) {
        if (!(i in value)) return HANDOVER
        item = null
      } else if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean" && item !== null) return HANDOVER
      out.push(item)
    }
    copy = out
  } else {
    if (!isRecord(value)) return HANDOVER
    const keys = Object.keys(value)
    if (keys.length === 0) return finish(state, slot, EMPTY)
    const out: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      let item = value[key]
      if (item === undefined) continue
      if (typeof item === "object" && item !== null) {
        item = copyFast(item, depth + 1, state)
        if (item === HANDOVER) return HANDOVER
      } else if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean" && item !== null) return HANDOVER
      setKey(out, key, item)
    }
    copy = out
  }
  return finish(state, slot, Object.freeze(copy))
}

const finish = (state: FastState, slot: number, copy: object): object => {
  state.copies[slot] = copy
  return copy
}

/** Copies one nested JSON value below `parents`; the path of an `Issue` is read off the stack. */
const copyNested = (
  value: unknown,
  key: string,
  parents: Array<Frame>,
  copies: Map<unknown, unknown>,
): unknown | Issue => {
  const shared = copies.get(value)
  if (shared !== undefined) return shared
  const base = parents.length
  const onStack = new Set<object>()
  for (const frame of parents) onStack.add(frame.source)
  const fail = (expected: string, actual: unknown, lastKey: string | number, found?: string): Issue => {
    const path: Array<string | number> = []
    for (let i = 1; i < parents.length; i++) path.push(parents[i]!.key)
    path.push(lastKey)
    parents.length = base
    return new Issue(path, expected, actual, found)
  }
  const open = (v: unknown, k: string | number): Frame | Issue => {
    if (typeof v !== "object" || v === null) return fail("JSON value", v, k)
    if (onStack.has(v)) return fail("JSON value without cycles", v, k)
    if (Array.isArray(v)) {
      // `[]`, not `new Array(v.length)`: the length of a sparse array is a claim, not data.
      return { source: v, target: [], keys: undefined, length: v.length, index: 0, key: k }
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
      copies.set(frame.source, frame.target)
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
      // Dropped in objects; in arrays `undefined` becomes `null`, as in JSON.
      // A hole fails instead: copying holes costs the array's length, not its
      // contents (`a.length = 2 ** 32 - 1` would exhaust the heap).
      if (frame.keys === undefined) {
        if (!(k in frame.source)) return fail("JSON value", v, k, "a hole (a sparse array)")
        ;(frame.target as Array<unknown>)[k as number] = null
      }
      frame.index++
    } else {
      const copied = copies.get(v)
      if (copied !== undefined) {
        assign(frame, k, copied)
        frame.index++
        continue
      }
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
    if (tag === "Object") return "an object"
    // "an Error", "an Int8Array"; "a Uint8Array" (said "you-int").
    return tag.length > 0 && "AEIO".includes(tag.charAt(0)) ? `an ${tag}` : `a ${tag}`
  } catch {
    return "an unreadable value"
  }
}
