/** Walking decoded values in tests: iteratively, since a value may be 100,000 deep. */

/** Every object reachable from `u` by own enumerable keys (array elements included). */
export const objectsOf = (u: unknown): Set<object> => {
  const out = new Set<object>()
  const stack: Array<unknown> = [u]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== "object" || v === null || out.has(v)) continue
    out.add(v)
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key])
  }
  return out
}

/** Throws unless every object reachable from `u` is frozen. */
export const expectDeepFrozen = (u: unknown): void => {
  for (const o of objectsOf(u)) if (!Object.isFrozen(o)) throw new Error("a decoded object is not frozen")
}
