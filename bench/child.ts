/**
 * One child process of the bench: one subject next to its own copy of its
 * hand-written baseline, nothing else loaded. Decoders that share code in
 * one isolate disturb each other's inline caches, so main.ts runs each
 * subject here, in a process of its own, and reads one JSON line back.
 *
 *   node --expose-gc child.js <subject> time
 *   node --expose-gc --max-semi-space-size=128 --min-semi-space-size=128 child.js <subject> alloc
 *
 * time: mitata's `measure` (warm-up, many samples, median) over whole
 * passes of each workload, baseline and subject interleaved in rounds
 * (ABBA order), so that a slow moment of this shared machine hits both.
 * The clock is the process's CPU time (`process.cpuUsage()`, microseconds,
 * about 1.3 µs per read, under 1% of the shortest pass), not wall time: on
 * a shared 2-core machine a process is descheduled for milliseconds at a
 * time, and wall time would count that against whichever decoder was
 * running. CPU time includes V8's helper threads (GC, compiler), which
 * belong to the cost of decoding anyway.
 *
 * alloc: bytes allocated per input, from `process.memoryUsage().heapUsed`
 * before and after one pass, after a forced GC. The new space is made large
 * enough that no scavenge runs inside a pass (a scavenge would hide the
 * garbage it freed); minor GCs are counted with a PerformanceObserver, and a
 * pass they touched is measured again.
 */
import { measure } from "mitata"
import { constants, PerformanceObserver } from "node:perf_hooks"
import { inputsOf, loadBaseline, subjectById, type Fn } from "./subjects.js"
import { workloads, type WorkloadName } from "./workload.js"

export interface TimingRound {
  /** Median nanoseconds per pass over the workload. */
  readonly baselineNs: number
  readonly subjectNs: number
}

export interface CaseTiming {
  readonly workload: WorkloadName
  readonly inputs: number
  readonly rounds: ReadonlyArray<TimingRound>
  readonly baselineSamples: number
  readonly subjectSamples: number
}

export interface CaseAllocation {
  readonly workload: WorkloadName
  readonly baselineBytes: number
  readonly subjectBytes: number
  /** Passes measured again because a minor GC ran inside them. */
  readonly retried: number
}

export type ChildResult =
  | { readonly mode: "time"; readonly subject: string; readonly cases: ReadonlyArray<CaseTiming> }
  | { readonly mode: "alloc"; readonly subject: string; readonly cases: ReadonlyArray<CaseAllocation> }

type Loop = (fn: Fn, inputs: ReadonlyArray<unknown>) => number

/**
 * A pass over the inputs as its own function, compiled from source each
 * time: closures made by one function literal share their feedback, so one
 * loop for both decoders would make its call site polymorphic and measure
 * the loop instead of the decoders. The label makes each source distinct:
 * V8 caches `new Function` by its source text, and two loops of the same
 * text are one function to it, with one shared feedback vector (a probe:
 * matchError at 0.66x the switch with shared loops, 1.0x with its own).
 * Counting `Right`s (or summing the matcher's answers) keeps every result
 * alive.
 */
const newLoop = (kind: "decode" | "match", label: string): Loop =>
  new Function(
    "fn",
    "inputs",
    `// ${label}\n` +
      (kind === "decode"
        ? `let n = 0; for (let i = 0; i < inputs.length; i++) { if (fn(inputs[i])._tag === "Right") n++ } return n`
        : `let n = 0; for (let i = 0; i < inputs.length; i++) { n += fn(inputs[i]) } return n`),
  ) as Loop

/**
 * What mitata times: a call of one pass, as a function of its own per case
 * and side (a distinct source, for the reason above). Arrows written in the
 * rounds loop would be closures of one literal, sharing one call site for
 * every case's pass, and V8 could inline the passes of several cases into
 * one function and spend its inlining budget there.
 */
const newPass = (label: string, loop: Loop, fn: Fn, inputs: ReadonlyArray<unknown>): (() => number) =>
  new Function("loop", "fn", "inputs", `return () => loop(fn, inputs) // ${label}`)(loop, fn, inputs) as () => number

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const env = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** CPU time of this process in nanoseconds, mitata's clock. */
const cpuNow = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) * 1e3
}

/**
 * Many short rounds rather than a few long ones: on a loaded machine the
 * speed of a core changes from one moment to the next (another process on
 * its hyperthread sibling), so the two measurements of a round should be
 * close in time, and the median over many rounds discards the unlucky ones.
 */
const keepAlive: Array<unknown> = []

/** Inputs per allocation measurement (see `allocation`). */
const CHUNK = 500

const ROUNDS = env("BENCH_ROUNDS", 15)
/** Minimum CPU time of one `measure` call, in milliseconds. */
const MIN_MS = env("BENCH_MIN_MS", 30)

const main = async (): Promise<void> => {
  const [subjectId, mode] = process.argv.slice(2)
  const subject = subjectById(subjectId ?? "")
  const subjectFn = await subject.load()
  const baselineFn = await loadBaseline(subject.baseline)
  const kind = subject.input === "errors" ? "match" : "decode"
  // BENCH_WORKLOADS=mixed,unknown runs only those (for looking into one case).
  const only = process.env.BENCH_WORKLOADS?.split(",")
  const cases = await Promise.all(
    workloads({ size: env("BENCH_SIZE", 10_000) })
      .filter((w) => only === undefined || only.includes(w.name))
      .map(async (w) => ({ name: w.name, inputs: await inputsOf(subject.input, w) })),
  )
  const loops = cases.map((c) => ({
    baseline: newLoop(kind, `${c.name} baseline`),
    subject: newLoop(kind, `${c.name} ${subject.id}`),
  }))
  const passes = cases.map((c, i) => ({
    baseline: newPass(`${c.name} baseline`, loops[i]!.baseline, baselineFn, c.inputs),
    subject: newPass(`${c.name} ${subject.id}`, loops[i]!.subject, subjectFn, c.inputs),
  }))

  // Warm-up: every decoder sees every workload before anything is measured,
  // so its inline caches hold the mixed shapes, as in production, whichever
  // case comes first.
  for (let rep = 0; rep < 3; rep++) {
    cases.forEach((c, i) => {
      const deadline = performance.now() + 40
      do {
        loops[i]!.baseline(baselineFn, c.inputs)
        loops[i]!.subject(subjectFn, c.inputs)
      } while (performance.now() < deadline)
    })
  }

  // mitata allocates an 8 MB sample array per `measure` call
  // (node_modules/mitata/src/lib.mjs: `new Array(2 ** 20)`), so full GCs
  // run every second or so here. A full GC frees the hidden classes of
  // values that died, and V8 then deoptimizes the code that was specialised
  // for them ("reason: weak objects" under --trace-deopt), over and over, in
  // both decoders. One decoded pass of each stays alive for the whole run,
  // so that their values' classes do too, as they would in a service that
  // is always decoding.
  keepAlive.push(cases.map((c) => c.inputs.map((input) => (baselineFn as (u: unknown) => unknown)(input))))
  keepAlive.push(cases.map((c) => c.inputs.map((input) => (subjectFn as (u: unknown) => unknown)(input))))

  if (mode === "alloc") {
    const out = await allocation(cases, loops, baselineFn, subjectFn)
    process.stdout.write(JSON.stringify({ mode: "alloc", subject: subject.id, cases: out } satisfies ChildResult) + "\n")
    return
  }

  const results = cases.map(() => ({ rounds: [] as Array<TimingRound>, baselineSamples: 0, subjectSamples: 0 }))
  // No forced GC before each measurement (mitata's default): it would
  // collect what `keepAlive` cannot hold (meta copies, arrays), and GC
  // pauses belong in the measurement anyway.
  // A pass shorter than 65 µs (matching 1,000 errors) is batched by mitata:
  // 128 passes per sample, not its default 4,096, keep a sample near 3 ms.
  const options = { now: cpuNow, gc: false, min_cpu_time: MIN_MS * 1e6, min_samples: 4, warmup_samples: 1, batch_samples: 128 }
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < cases.length; i++) {
      const pass = passes[i]!
      const timeBaseline = () => measure(pass.baseline, options)
      const timeSubject = () => measure(pass.subject, options)
      // ABBA: the baseline first in even rounds, second in odd ones.
      let b: Awaited<ReturnType<typeof measure>>
      let s: Awaited<ReturnType<typeof measure>>
      if (round % 2 === 0) {
        b = await timeBaseline()
        s = await timeSubject()
      } else {
        s = await timeSubject()
        b = await timeBaseline()
      }
      results[i]!.rounds.push({ baselineNs: b.p50, subjectNs: s.p50 })
      results[i]!.baselineSamples += b.samples.length
      results[i]!.subjectSamples += s.samples.length
    }
  }
  const out: Array<CaseTiming> = cases.map((c, i) => ({ workload: c.name, inputs: c.inputs.length, ...results[i]! }))
  process.stdout.write(JSON.stringify({ mode: "time", subject: subject.id, cases: out } satisfies ChildResult) + "\n")
}

const allocation = async (
  cases: ReadonlyArray<{ readonly name: WorkloadName; readonly inputs: ReadonlyArray<unknown> }>,
  loops: ReadonlyArray<{ readonly baseline: Loop; readonly subject: Loop }>,
  baselineFn: Fn,
  subjectFn: Fn,
): Promise<ReadonlyArray<CaseAllocation>> => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error("bench: the alloc mode needs --expose-gc")
  let minorGcs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Node 20 puts the GC kind in `detail` (https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html#garbage-collection-gc-details).
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minorGcs++
    }
  })
  observer.observe({ entryTypes: ["gc"] })
  // GC entries are delivered asynchronously: let them arrive before reading the count.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

  /** What reading `heapUsed` twice costs by itself (it allocates its answer). */
  const overhead = await (async () => {
    const samples: Array<number> = []
    for (let i = 0; i < 9; i++) {
      gc()
      await settle()
      const h0 = process.memoryUsage().heapUsed
      const h1 = process.memoryUsage().heapUsed
      samples.push(h1 - h0)
    }
    return median(samples)
  })()

  /**
   * Bytes per input: the median of five passes. A pass is measured in
   * chunks of CHUNK inputs, so that even a peer allocating 30 KB per input
   * fits a chunk in the new space; a chunk during which a minor GC ran is
   * measured again after a full one.
   */
  const bytesPerInput = async (loop: Loop, fn: Fn, inputs: ReadonlyArray<unknown>): Promise<{ bytes: number; retried: number }> => {
    const chunks: Array<ReadonlyArray<unknown>> = []
    for (let i = 0; i < inputs.length; i += CHUNK) chunks.push(inputs.slice(i, i + CHUNK))
    const samples: Array<number> = []
    let retried = 0
    for (let rep = 0; rep < 5; rep++) {
      gc()
      await settle()
      let bytes = 0
      for (const chunk of chunks) {
        for (let attempt = 0; ; attempt++) {
          if (attempt === 5) return { bytes: Number.NaN, retried }
          const before = minorGcs
          const h0 = process.memoryUsage().heapUsed
          loop(fn, chunk)
          const h1 = process.memoryUsage().heapUsed
          await settle()
          if (minorGcs === before) {
            bytes += h1 - h0 - overhead
            break
          }
          retried++
          gc()
          await settle()
        }
      }
      // Matching allocates nothing: what is left is the noise of `heapUsed` itself, never below zero.
      samples.push(Math.max(0, bytes / inputs.length))
    }
    return { bytes: median(samples), retried }
  }

  const out: Array<CaseAllocation> = []
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!
    const b = await bytesPerInput(loops[i]!.baseline, baselineFn, c.inputs)
    const s = await bytesPerInput(loops[i]!.subject, subjectFn, c.inputs)
    out.push({ workload: c.name, baselineBytes: b.bytes, subjectBytes: s.bytes, retried: b.retried + s.retried })
  }
  observer.disconnect()
  return out
}

main().catch((cause: unknown) => {
  process.stderr.write(`bench child: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`)
  process.exit(1)
})
