/**
 * A loopback stand-in for Clerk's Frontend API (FAPI) and Backend API (BAPI),
 * for tests. Built on `node:http` only; listens on 127.0.0.1 with an
 * ephemeral port. It answers from a fixed table of scenarios (`scenarios`),
 * so every response a test sees is known byte for byte.
 *
 * Follows /work/shared/spec/sign-in-errors.md:
 *   - §1 the twelve sign-in errors: code, HTTP status, short and long messages
 *     (current wording, plus the 2024 wording for some), parameters;
 *   - §2 shared codes (`resource_not_found`, `resource_forbidden`) are told
 *     apart by text only, so the generic "Resource not found" 404 is also served;
 *     unknown codes (`form_password_incorrect`, ...) are normal;
 *   - §3 the wire envelope
 *     `{ "errors": [ { code, message, long_message?, meta } ], "clerk_trace_id" }`
 *     with 32-lowercase-hex trace ids, and the 429 body without `long_message`;
 *   - §4 what `@clerk/backend` reads: `clerk_trace_id` (else the `cf-ray` header)
 *     becomes `err.clerkTraceId`, the `Retry-After` header becomes `err.retryAfter`.
 *   - §5 ids such as `sia_123`, `sess_2abc`.
 *
 * Choosing a scenario (first match wins):
 *   1. request header   `x-scenario: <name>`;
 *   2. query parameter  `?scenario=<name>`;
 *   3. path prefix      `/scenario/<name>/...` (stripped before routing). This is
 *      the way to drive `@clerk/backend`, which cannot add request headers
 *      (its per-call `headerParams` are internal; `createClerkClient` only sets
 *      User-Agent): build the client with
 *      `createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.scenarioUrl("sign_in_not_found") })`
 *      and EVERY call it makes gets that scenario's response. @clerk/backend
 *      builds its URL as `joinPaths(apiUrl, "v1", path)`, so a path in `apiUrl`
 *      is kept;
 *   4. path marker: an `:id` segment equal to a scenario name, on the routes
 *      below that take an id, e.g. `clerk.users.getUser("too_many_requests")` →
 *      `GET /v1/users/too_many_requests` → the 429 scenario;
 *   5. otherwise realistic routing (all answers `content-type: application/json`):
 *      FAPI  POST /v1/client/sign_ins                                → `success`
 *            GET  /v1/client/sign_ins/:id                            → `success`
 *            POST /v1/client/sign_ins/:id/prepare_first_factor       → `success`
 *            POST /v1/client/sign_ins/:id/attempt_first_factor       → `success`
 *            POST /v1/client/sign_ins/:id/prepare_second_factor      → `success`
 *            POST /v1/client/sign_ins/:id/attempt_second_factor      → `success`
 *      BAPI  POST /v1/sign_in_tokens            (signInTokens.createSignInToken) → 200 sign_in_token
 *            POST /v1/sign_in_tokens/:id/revoke (signInTokens.revokeSignInToken) → 200 sign_in_token, status "revoked"
 *            GET  /v1/users/:id                 (users.getUser)                  → 200 user with that id
 *            GET  /v1/clients/:id               (clients.getClient)              → 200 client with that id
 *            POST /v1/clients/verify            (clients.verifyClient)           → 200 client
 *            GET  /v1/sessions/:id              (sessions.getSession)            → 200 session with that id
 *      anything else → 404 `resource_not_found` (the generic "Resource not found",
 *      NOT the sign-in one).
 * An unknown scenario name is a test bug: it gets a 400 `text/plain` answer
 * whose body starts with "clerk stand-in:".
 *
 * Every request body is read fully before answering, and every request is
 * appended to `requests` (method, raw path including query string, body, headers).
 *
 * Note for @clerk/backend users: it treats a body as JSON only when
 * `content-type` is exactly `application/json` (no `; charset=...`), so the
 * stand-in sends exactly that. With a `; charset=utf-8` suffix the envelope is
 * read as text: `err.errors` is `[]` and `err.clerkTraceId` is `""`. Other things
 * it does with the stand-in's answers (checked in test/clerkStandIn.test.ts):
 * `err.message` is the HTTP status text ("Too Many Requests"), not Clerk's message;
 * `err.clerkTraceId` is `""` (not undefined) when there's no trace id and no cf-ray;
 * `err.retryAfter` is `parseInt(Retry-After)`, so an HTTP-date gives undefined;
 * a non-envelope error body still throws, with `err.errors` = `[]`.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// ---------------------------------------------------------------------------
// Scenario table
// ---------------------------------------------------------------------------

export interface Scenario {
  readonly name: string;
  /** What the scenario stands for, for humans. */
  readonly description: string;
  readonly status: number;
  /** Response headers the stand-in sends (lowercase names); content-length is added on top. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact response body. */
  readonly body: string;
}

/** One `ClerkError` as it appears on the wire (spec §3). */
interface WireError {
  readonly code: string;
  readonly message: string;
  readonly long_message?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

const JSON_HEADERS = { "content-type": "application/json" } as const;

/** The Clerk error envelope of spec §3, serialized. */
function envelope(traceId: string, errors: readonly WireError[]): string {
  return JSON.stringify({ errors, clerk_trace_id: traceId });
}

function clerkError<const N extends string>(
  name: N,
  description: string,
  status: number,
  traceId: string,
  errors: readonly WireError[],
  extraHeaders: Readonly<Record<string, string>> = {},
): Scenario & { readonly name: N } {
  return { name, description, status, headers: { ...JSON_HEADERS, ...extraHeaders }, body: envelope(traceId, errors) };
}

/** A scenario written out by hand (keeps the name literal, widens the rest to `Scenario`). */
function raw<const N extends string>(scenario: Scenario & { readonly name: N }): Scenario & { readonly name: N } {
  return scenario;
}

export const scenarios = [
  // --- The twelve sign-in errors (spec §1), current wording unless "_2024" ---
  clerkError("session_exists", "#1 SingleModeSessionExists, current wording", 400, "9c275d65a7562ab8bfd721fc9be60ff2", [
    { code: "session_exists", message: "Session already exists", long_message: "You're already signed in.", meta: {} },
  ]),
  clerkError("session_exists_2024", "#1 SingleModeSessionExists, 2024 wording", 400, "3d4b69ef175c51a3e690b47cd5eddb70", [
    {
      code: "session_exists",
      message: "Session already exists",
      long_message: "You're currently in single session mode. You can only be signed into one account at a time.",
      meta: {},
    },
  ]),
  clerkError("identifier_already_signed_in", "#2 AlreadySignedIn, meta.session_id", 400, "1ebdab1d097c639ac8bfbb44b1b0bbb6", [
    {
      code: "identifier_already_signed_in",
      message: "You're already signed in",
      long_message: "You're already signed in",
      meta: { session_id: "sess_2abc" },
    },
  ]),
  clerkError("identifier_already_signed_in_2024", "#2 AlreadySignedIn, 2024 wording (no long_message)", 400, "7681a091cf27859208e7fc0159feb2ae", [
    { code: "identifier_already_signed_in", message: "You're already signed in", meta: { session_id: "sess_2abc" } },
  ]),
  clerkError("identifier_already_signed_in_no_meta", "#2 AlreadySignedIn without meta (spec §2: a real fixture has none)", 400, "baff54617fa35581cf685461a8fd3f73", [
    { code: "identifier_already_signed_in", message: "You're already signed in", long_message: "You're already signed in" },
  ]),
  clerkError("account_transfer_invalid", "#3 AccountTransferInvalid", 400, "d0a8afd97378cbd12e4968996bfccde3", [
    { code: "account_transfer_invalid", message: "Invalid account transfer", long_message: "There is no account to transfer", meta: {} },
  ]),
  clerkError("client_state_invalid", "#4 InvalidClientStateForAction, action sign_in", 400, "28b2651ef2f0f6eb19239482e649f636", [
    {
      code: "client_state_invalid",
      message: "Invalid action",
      long_message: "We were unable to complete sign_in for this Client. Please start over.",
      meta: {},
    },
  ]),
  clerkError("strategy_for_user_invalid", "#5 InvalidStrategyForUser", 400, "f1a4ece7f1b756ce2aef6655ee564ada", [
    {
      code: "strategy_for_user_invalid",
      message: "Invalid verification strategy",
      long_message: "The verification strategy is not valid for this account",
      meta: {},
    },
  ]),
  clerkError("identification_claimed", "#6 IdentificationClaimed", 400, "8fda6d34a16c0a277cb466f5eece88d9", [
    {
      code: "identification_claimed",
      message: "Identification claimed by another user",
      long_message:
        "One or more identifiers on this sign up have since been connected to a different User. Please sign up again.",
      meta: {},
    },
  ]),
  clerkError("mutation_on_older_sign_in_not_allowed", "#7 MutationOnOlderSignInNotAllowed (resource_forbidden), current wording", 403, "cdb0e1bbe2370607e1370bea82ecdefb", [
    {
      code: "resource_forbidden",
      message: "Update operations are not allowed on older sign ins",
      long_message: "Update operations are not allowed on older sign ins",
      meta: {},
    },
  ]),
  clerkError("mutation_on_older_sign_in_not_allowed_2024", "#7 MutationOnOlderSignInNotAllowed, 2024 wording (no long_message)", 403, "980930272ac9d2acc2ad2b4f269fa004", [
    { code: "resource_forbidden", message: "Update operations are not allowed on older sign ins", meta: {} },
  ]),
  clerkError("sign_in_not_found", "#8 SignInNotFound (resource_not_found), id sia_2xyz", 404, "fed561ec936b01e1261e6d79c40b6b98", [
    { code: "resource_not_found", message: "not found", long_message: "No sign in was found with id sia_2xyz", meta: {} },
  ]),
  clerkError("identification_belongs_to_different_user", "#9 IdentificationBelongsToDifferentUser (resource_forbidden)", 403, "a94530f6fbe3c82008500e11f2f1c8dd", [
    {
      code: "resource_forbidden",
      message: "belongs to different user",
      long_message: "The given identification belongs to a different user.",
      meta: {},
    },
  ]),
  clerkError("no_second_factors", "#10 NoSecondFactorsForStrategy, strategy totp", 400, "653f449aee6cab4fdefa39e8c2d4f9c4", [
    { code: "no_second_factors", message: "no second factors", long_message: "No second factors were found for strategy totp.", meta: {} },
  ]),
  clerkError("sign_in_no_identification_for_user", "#11 SignInNoIdentificationForUser", 404, "e0059eb888ba572f1df791b79121285b", [
    {
      code: "sign_in_no_identification_for_user",
      message: "no identification for user",
      long_message: "The given token doesn't have an associated identification for the user who created it.",
      meta: {},
    },
  ]),
  clerkError("sign_in_identification_or_user_deleted", "#12 SignInIdentificationOrUserDeleted", 400, "f5efa95b8b9de9bec9409ee039141cfb", [
    {
      code: "sign_in_identification_or_user_deleted",
      message: "identification or user deleted",
      long_message: "Either the user or the selected identification were deleted. Please start over.",
      meta: {},
    },
  ]),

  // --- Not one of the twelve (spec §2) ---
  clerkError("resource_not_found", "generic 404 (shared code, not a sign-in error); also the answer to unknown paths", 404, "87c230283170eb883ba8a3fd0856790e", [
    { code: "resource_not_found", message: "not found", long_message: "Resource not found", meta: {} },
  ]),
  clerkError("form_password_incorrect", "unknown code, field error on password", 422, "b99d484676a1c5fd8311c416d1964499", [
    {
      code: "form_password_incorrect",
      message: "Password is incorrect. Try again, or use another method.",
      long_message: "Password is incorrect. Try again, or use another method.",
      meta: { param_name: "password" },
    },
  ]),
  clerkError("form_identifier_not_found", "unknown code, field error on identifier", 422, "fc11d3cb029e514a837653a52ef62262", [
    {
      code: "form_identifier_not_found",
      message: "Couldn't find your account.",
      long_message: "Couldn't find your account.",
      meta: { param_name: "identifier" },
    },
  ]),
  clerkError(
    "too_many_requests",
    "429 rate limit: Retry-After header, body without long_message (spec §3)",
    429,
    "fe1804223728535941e9bc9d13d49dd1",
    [{ code: "too_many_requests", message: "Too many requests. Please try again in a bit.", meta: {} }],
    { "retry-after": "7" },
  ),
  clerkError("two_errors", "one response carrying two errors", 422, "65d683f2f44f8821a88fffe171a25b09", [
    { code: "form_param_missing", message: "is missing", long_message: "identifier must be included.", meta: { param_name: "identifier" } },
    { code: "form_param_missing", message: "is missing", long_message: "strategy must be included.", meta: { param_name: "strategy" } },
  ]),

  // --- Bodies that are not a Clerk envelope ---
  raw({
    name: "gateway_html_502",
    description: "HTML gateway page from the edge (not JSON); carries a cf-ray header like Cloudflare does",
    status: 502,
    headers: { "content-type": "text/html", "cf-ray": "8c1f2e3d4a5b6c7d-FRA" },
    body:
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n",
  }),
  raw({
    name: "empty_500",
    description: "500 with an empty body and no content-type",
    status: 500,
    headers: {},
    body: "",
  }),
  raw({
    name: "not_an_envelope",
    description: "valid JSON that is not a Clerk envelope",
    status: 400,
    headers: JSON_HEADERS,
    body: '{"hello":"world"}',
  }),

  // --- Success ---
  raw({
    name: "success",
    description: "FAPI sign-in resource: 200 with { response, client }",
    status: 200,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      response: { object: "sign_in_attempt", id: "sia_123", status: "needs_first_factor" },
      client: null,
    }),
  }),
] as const;

export type ScenarioName = (typeof scenarios)[number]["name"];

const scenarioTable: ReadonlyMap<string, Scenario> = new Map(scenarios.map((s) => [s.name, s]));

export function isScenarioName(name: string): name is ScenarioName {
  return scenarioTable.has(name);
}

export function getScenario(name: ScenarioName): Scenario {
  const scenario = scenarioTable.get(name);
  if (scenario === undefined) throw new Error(`clerk stand-in: unknown scenario ${name}`);
  return scenario;
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

/** The request header that selects a scenario. */
export const SCENARIO_HEADER = "x-scenario";
/** The query parameter that selects a scenario. */
export const SCENARIO_QUERY = "scenario";

export interface RecordedRequest {
  method: string;
  /** Raw request target as received: path plus query string, scenario prefix included. */
  path: string;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface ClerkStandIn {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** `url` + `/scenario/<name>`: an `apiUrl` (or FAPI base) whose every request gets that scenario. */
  scenarioUrl(name: ScenarioName): string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Stops listening and destroys all open sockets. */
  close(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const json = (status: number, value: unknown): Answer => ({ status, headers: JSON_HEADERS, body: JSON.stringify(value) });

// BAPI success resources (snake_case JSON, as @clerk/backend's fromJSON expects).
const CREATED_AT = 1_700_000_000_000;
const signInToken = (id: string, status: string): Answer =>
  json(200, {
    object: "sign_in_token",
    id,
    user_id: "user_123",
    token: "eyJhbGciOi.stand-in.token",
    status,
    url: "https://accounts.example.test/sign-in#__clerk_ticket=eyJhbGciOi.stand-in.token",
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  });
const user = (id: string): Answer =>
  json(200, {
    object: "user",
    id,
    username: null,
    first_name: "Ada",
    last_name: "Lovelace",
    password_enabled: true,
    totp_enabled: false,
    backup_code_enabled: false,
    two_factor_enabled: false,
    banned: false,
    locked: false,
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  });
const session = (id: string): Answer =>
  json(200, {
    object: "session",
    id,
    client_id: "client_123",
    user_id: "user_123",
    status: "active",
    last_active_at: CREATED_AT,
    expire_at: CREATED_AT + 604_800_000,
    abandon_at: CREATED_AT + 2_592_000_000,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  });
const client = (id: string): Answer =>
  json(200, {
    object: "client",
    id,
    session_ids: [],
    sessions: [],
    sign_in_id: "sia_123",
    sign_up_id: null,
    last_active_session_id: null,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  });

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const SIGN_IN_ACTIONS = new Set(["prepare_first_factor", "attempt_first_factor", "prepare_second_factor", "attempt_second_factor"]);

/** Default routing (point 5 of the top comment), with the path marker of point 4. */
function route(method: string, path: string): Answer {
  const seg = path.split("/").filter((s) => s !== "").map(decodeSegment);
  // A `:id` segment equal to a scenario name selects that scenario.
  const byId = (id: string, otherwise: () => Answer): Answer => (isScenarioName(id) ? getScenario(id) : otherwise());
  const success = (): Answer => getScenario("success");
  const [v1, a, b, c, d, ...rest] = seg;
  if (v1 === "v1" && rest.length === 0) {
    // FAPI sign-in routes.
    if (a === "client" && b === "sign_ins") {
      if (c === undefined && d === undefined && method === "POST") return success();
      if (c !== undefined && d === undefined && method === "GET") return byId(c, success);
      if (c !== undefined && d !== undefined && method === "POST" && SIGN_IN_ACTIONS.has(d)) return byId(c, success);
    }
    // BAPI routes @clerk/backend uses (see the top comment).
    if (a === "sign_in_tokens" && method === "POST") {
      if (b === undefined) return signInToken("sitkn_123", "pending");
      if (c === "revoke" && d === undefined) return byId(b, () => signInToken(b, "revoked"));
    }
    if (c === undefined && d === undefined && b !== undefined) {
      if (a === "clients" && b === "verify" && method === "POST") return client("client_123");
      if (method === "GET") {
        if (a === "users") return byId(b, () => user(b));
        if (a === "clients") return byId(b, () => client(b));
        if (a === "sessions") return byId(b, () => session(b));
      }
    }
  }
  return getScenario("resource_not_found");
}

const SCENARIO_PREFIX = /^\/scenario\/([^/?]+)(\/.*)?$/;

function answer(req: IncomingMessage): Answer {
  const target = new URL(req.url ?? "/", "http://stand-in.invalid");
  let path = target.pathname;
  let prefixed: string | undefined;
  const prefix = SCENARIO_PREFIX.exec(path);
  if (prefix !== null) {
    prefixed = decodeSegment(prefix[1] ?? "");
    path = prefix[2] ?? "/";
  }
  const header = req.headers[SCENARIO_HEADER];
  const chosen = (Array.isArray(header) ? header[0] : header) ?? target.searchParams.get(SCENARIO_QUERY) ?? prefixed;
  if (chosen === undefined) return route(req.method ?? "GET", path);
  if (isScenarioName(chosen)) return getScenario(chosen);
  return {
    status: 400,
    headers: { "content-type": "text/plain" },
    body: `clerk stand-in: unknown scenario "${chosen}". Known: ${[...scenarioTable.keys()].join(", ")}`,
  };
}

function send(res: ServerResponse, { status, headers, body }: Answer): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

export async function startClerkStandIn(): Promise<ClerkStandIn> {
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", body, headers: req.headers });
      send(res, answer(req));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    scenarioUrl: (name) => `${url}/scenario/${encodeURIComponent(name)}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
