/**
 * The stand-in of Clerk's APIs for one test file: started before its tests,
 * stopped after them. Apart from clerkStandIn.ts, which `npm start` also
 * runs, because this one needs vitest.
 */
import { afterAll, beforeAll } from "vitest"
import { startClerkStandIn, type ClerkStandIn } from "./clerkStandIn.js"

/**
 * Registers the file's `beforeAll`/`afterAll` and returns the running
 * stand-in, whose fields are read through when a test runs (it is not
 * started yet when this is called).
 */
export const useClerkStandIn = (): ClerkStandIn => {
  let started: ClerkStandIn | undefined
  beforeAll(async () => {
    started = await startClerkStandIn()
  })
  afterAll(async () => {
    await started?.close()
  })
  const running = (): ClerkStandIn => {
    if (started === undefined) throw new Error("the Clerk stand-in is not running (its beforeAll failed or has not run)")
    return started
  }
  return {
    get url() {
      return running().url
    },
    scenarioUrl: (name) => running().scenarioUrl(name),
    get requests() {
      return running().requests
    },
    close: () => running().close(),
  }
}
