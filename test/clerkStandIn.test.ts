/**
 * Proves the Clerk stand-in (test/support/clerkStandIn.ts): every scenario is
 * served as tabled, the default routing, the request log, close(), and that the
 * real `@clerk/backend` client turns the stand-in's answers into a
 * `ClerkAPIResponseError` carrying code, status, clerkTraceId and retryAfter
 * (spec /work/shared/spec/sign-in-errors.md §3, §4).
 */
import { createClerkClient } from "@clerk/backend";
import { isClerkAPIResponseError, type ClerkAPIResponseError } from "@clerk/backend/errors";
import { describe, expect, it } from "vitest";
import { signInEndpoints } from "./support/signInScenarios.js";
import {
  getScenario,
  scenarios,
  startClerkStandIn,
  type Scenario,
  type ScenarioName,
} from "./support/clerkStandIn.js";
import { useClerkStandIn } from "./support/useClerkStandIn.js";

interface WireEnvelope {
  errors: Array<{ code: string; message: string; long_message?: string; meta?: Record<string, unknown> }>;
  clerk_trace_id: string;
}

/** The parsed envelope of a scenario, or undefined when its body is not one. */
function envelopeOf(scenario: Scenario): WireEnvelope | undefined {
  try {
    const parsed: unknown = JSON.parse(scenario.body);
    if (typeof parsed === "object" && parsed !== null && "errors" in parsed) return parsed as WireEnvelope;
  } catch {
    // not JSON
  }
  return undefined;
}

const errorScenarios = scenarios.filter((s) => s.status >= 400);
const envelopeScenarios = errorScenarios.filter((s) => envelopeOf(s) !== undefined);

const standIn = useClerkStandIn();

async function expectServed(res: Response, scenario: Scenario): Promise<void> {
  expect(res.status).toBe(scenario.status);
  for (const [name, value] of Object.entries(scenario.headers)) {
    expect(res.headers.get(name), `header ${name}`).toBe(value);
  }
  expect(await res.text()).toBe(scenario.body);
}

describe("scenario table", () => {
  it("has unique names", () => {
    const names = scenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("covers each of the twelve sign-in errors with the spec's HTTP status", () => {
    const expected: Array<[ScenarioName, string, number]> = [
      ["session_exists", "session_exists", 400],
      ["identifier_already_signed_in", "identifier_already_signed_in", 400],
      ["account_transfer_invalid", "account_transfer_invalid", 400],
      ["client_state_invalid", "client_state_invalid", 400],
      ["strategy_for_user_invalid", "strategy_for_user_invalid", 400],
      ["identification_claimed", "identification_claimed", 400],
      ["mutation_on_older_sign_in_not_allowed", "resource_forbidden", 403],
      ["sign_in_not_found", "resource_not_found", 404],
      ["identification_belongs_to_different_user", "resource_forbidden", 403],
      ["no_second_factors", "no_second_factors", 400],
      ["sign_in_no_identification_for_user", "sign_in_no_identification_for_user", 404],
      ["sign_in_identification_or_user_deleted", "sign_in_identification_or_user_deleted", 400],
    ];
    for (const [name, code, status] of expected) {
      const scenario = getScenario(name);
      expect(scenario.status, name).toBe(status);
      expect(envelopeOf(scenario)?.errors[0]?.code, name).toBe(code);
    }
  });

  it("writes every envelope with a 32-lowercase-hex clerk_trace_id and JSON content-type", () => {
    expect(envelopeScenarios.length).toBeGreaterThanOrEqual(20);
    for (const scenario of envelopeScenarios) {
      expect(envelopeOf(scenario)?.clerk_trace_id, scenario.name).toMatch(/^[0-9a-f]{32}$/);
      expect(scenario.headers["content-type"], scenario.name).toBe("application/json");
    }
  });

  it("carries the realistic parameters", () => {
    const first = (name: ScenarioName) => envelopeOf(getScenario(name))?.errors[0];
    expect(first("identifier_already_signed_in")?.meta).toEqual({ session_id: "sess_2abc" });
    expect(first("client_state_invalid")?.long_message).toBe(
      "We were unable to complete sign_in for this Client. Please start over.",
    );
    expect(first("sign_in_not_found")?.long_message).toBe("No sign in was found with id sia_2xyz");
    expect(first("no_second_factors")?.long_message).toBe("No second factors were found for strategy totp.");
    expect(first("form_password_incorrect")?.meta).toEqual({ param_name: "password" });
    expect(first("too_many_requests")).not.toHaveProperty("long_message");
    expect(getScenario("too_many_requests").headers["retry-after"]).toBe("7");
    expect(envelopeOf(getScenario("two_errors"))?.errors).toHaveLength(2);
    expect(first("resource_not_found")?.long_message).toBe("Resource not found");
  });
});

describe("serving scenarios over real fetch", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s via the x-scenario header", async (_name, scenario) => {
    const res = await fetch(`${standIn.url}/v1/client/sign_ins`, {
      method: "POST",
      headers: { "x-scenario": scenario.name, "content-type": "application/x-www-form-urlencoded" },
      body: "identifier=ada%40example.com",
    });
    await expectServed(res, scenario);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s via ?scenario=", async (_name, scenario) => {
    const res = await fetch(`${standIn.url}/v1/client/sign_ins/sia_123?scenario=${scenario.name}&_clerk_js_version=5.0.0`);
    await expectServed(res, scenario);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s via the /scenario/<name> prefix", async (_name, scenario) => {
    const res = await fetch(`${standIn.scenarioUrl(scenario.name)}/v1/anything/at/all`, { method: "DELETE" });
    await expectServed(res, scenario);
  });

  it("answers an unknown scenario name with a 400 text/plain stand-in message", async () => {
    const res = await fetch(`${standIn.url}/v1/client/sign_ins`, { method: "POST", headers: { "x-scenario": "nope" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(await res.text()).toMatch(/^clerk stand-in: unknown scenario "nope"/);
  });
});

describe("default routing", () => {
  const success = getScenario("success");

  it.each(signInEndpoints)("%s %s → success", async (method, path) => {
    const res = await fetch(`${standIn.url}${path}?_clerk_js_version=5.0.0`, method === "POST" ? { method, body: "strategy=password" } : { method });
    await expectServed(res, success);
  });

  it.each([
    ["GET", "/v1/nowhere"],
    ["GET", "/"],
    ["GET", "/v1/client/sign_ins"],
    ["DELETE", "/v1/client/sign_ins/sia_123"],
    ["POST", "/v1/client/sign_ins/sia_123/attempt_third_factor"],
    ["GET", "/v2/users/user_1"],
  ])("%s %s → generic 404 resource_not_found", async (method, path) => {
    const res = await fetch(`${standIn.url}${path}`, { method });
    await expectServed(res, getScenario("resource_not_found"));
  });

  it("treats an :id equal to a scenario name as a marker", async () => {
    await expectServed(await fetch(`${standIn.url}/v1/client/sign_ins/sign_in_not_found`), getScenario("sign_in_not_found"));
    await expectServed(
      await fetch(`${standIn.url}/v1/client/sign_ins/too_many_requests/attempt_first_factor`, { method: "POST" }),
      getScenario("too_many_requests"),
    );
    await expectServed(await fetch(`${standIn.url}/v1/users/gateway_html_502`), getScenario("gateway_html_502"));
  });

  it("serves BAPI resources as JSON", async () => {
    const res = await fetch(`${standIn.url}/v1/users/user_42`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject({ object: "user", id: "user_42" });
  });
});

describe("request log and lifecycle", () => {
  it("reads and records each request body fully", async () => {
    const local = await startClerkStandIn();
    try {
      const big = "x".repeat(1_000_000);
      const res = await fetch(`${local.url}/v1/client/sign_ins?x=1`, { method: "POST", body: big });
      expect(res.status).toBe(200);
      await res.text();
      expect(local.requests).toHaveLength(1);
      expect(local.requests[0]).toMatchObject({ method: "POST", path: "/v1/client/sign_ins?x=1" });
      expect(local.requests[0]?.body.length).toBe(big.length);
    } finally {
      await local.close();
    }
  });

  it("close() does not hang on open keep-alive connections", async () => {
    const local = await startClerkStandIn();
    const res = await fetch(`${local.url}/v1/client/sign_ins`, { method: "POST" });
    await res.text();
    const started = Date.now();
    await local.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${local.url}/v1/client/sign_ins`, { method: "POST" })).rejects.toThrow();
  });
});

describe("@clerk/backend against the stand-in", () => {
  async function caught(call: () => Promise<unknown>): Promise<ClerkAPIResponseError> {
    try {
      await call();
    } catch (err) {
      if (isClerkAPIResponseError(err)) return err;
      throw new Error(`expected a ClerkAPIResponseError, got ${String(err)}`);
    }
    throw new Error("expected the call to throw");
  }

  it.each(envelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: users.getUser(<name>) throws a ClerkAPIResponseError with code, status, trace id, retryAfter",
    async (_name, scenario) => {
      const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.url });
      const err = await caught(() => clerk.users.getUser(scenario.name));
      const wire = envelopeOf(scenario);
      expect(err.status).toBe(scenario.status);
      expect(err.clerkTraceId).toBe(wire?.clerk_trace_id);
      expect(err.retryAfter).toBe(scenario.name === "too_many_requests" ? 7 : undefined);
      expect(err.errors.map((e) => e.code)).toEqual(wire?.errors.map((e) => e.code));
      expect(err.errors[0]?.longMessage).toBe(wire?.errors[0]?.long_message);
    },
  );

  it.each(envelopeScenarios.map((s) => [s.name, s] as const))(
    "%s: apiUrl = scenarioUrl(<name>) makes signInTokens.createSignInToken throw",
    async (_name, scenario) => {
      const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.scenarioUrl(scenario.name) });
      const err = await caught(() => clerk.signInTokens.createSignInToken({ userId: "user_123", expiresInSeconds: 60 }));
      const wire = envelopeOf(scenario);
      expect(err.errors[0]?.code).toBe(wire?.errors[0]?.code);
      expect(err.status).toBe(scenario.status);
      expect(err.clerkTraceId).toBe(wire?.clerk_trace_id);
      expect(err.retryAfter).toBe(scenario.name === "too_many_requests" ? 7 : undefined);
    },
  );

  it("maps meta.session_id and the 429 specifics", async () => {
    const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.url });
    const signedIn = await caught(() => clerk.clients.getClient("identifier_already_signed_in"));
    expect(signedIn.errors[0]?.meta?.sessionId).toBe("sess_2abc");
    const limited = await caught(() => clerk.sessions.getSession("too_many_requests"));
    expect(limited).toMatchObject({ status: 429, retryAfter: 7, clerkTraceId: "fe1804223728535941e9bc9d13d49dd1" });
    expect(limited.errors[0]?.longMessage).toBeUndefined();
  });

  it("non-envelope bodies throw with no errors; the HTML 502 gets its trace id from cf-ray", async () => {
    const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: standIn.url });
    const gateway = await caught(() => clerk.users.getUser("gateway_html_502"));
    expect(gateway).toMatchObject({ status: 502, clerkTraceId: "8c1f2e3d4a5b6c7d-FRA", errors: [] });
    const empty = await caught(() => clerk.users.getUser("empty_500"));
    expect(empty).toMatchObject({ status: 500, clerkTraceId: "", errors: [] });
    const hello = await caught(() => clerk.users.getUser("not_an_envelope"));
    expect(hello).toMatchObject({ status: 400, clerkTraceId: "", errors: [] });
  });

  it("unknown BAPI paths (via the generic 404) and default successes", async () => {
    const local = await startClerkStandIn();
    try {
      const clerk = createClerkClient({ secretKey: "sk_test_x", apiUrl: local.url });
      const missing = await caught(() => clerk.organizations.getOrganization({ organizationId: "org_1" }));
      expect(missing.status).toBe(404);
      expect(missing.errors[0]).toMatchObject({ code: "resource_not_found", longMessage: "Resource not found" });

      const user = await clerk.users.getUser("user_42");
      expect(user.id).toBe("user_42");
      const token = await clerk.signInTokens.createSignInToken({ userId: "user_123", expiresInSeconds: 60 });
      expect(token.id).toBe("sitkn_123");
      const revoked = await clerk.signInTokens.revokeSignInToken("sitkn_123");
      expect(revoked.status).toBe("revoked");
      const verified = await clerk.clients.verifyClient("client_token");
      expect(verified.id).toBe("client_123");
      const session = await clerk.sessions.getSession("sess_1");
      expect(session.userId).toBe("user_123");

      const paths = local.requests.map((r) => `${r.method} ${r.path}`);
      expect(paths).toEqual([
        "GET /v1/organizations/org_1",
        "GET /v1/users/user_42",
        "POST /v1/sign_in_tokens",
        "POST /v1/sign_in_tokens/sitkn_123/revoke",
        "POST /v1/clients/verify",
        "GET /v1/sessions/sess_1",
      ]);
      expect(local.requests[2]?.headers.authorization).toBe("Bearer sk_test_x");
      expect(JSON.parse(local.requests[2]?.body ?? "")).toEqual({ user_id: "user_123", expires_in_seconds: 60 });
    } finally {
      await local.close();
    }
  });
});
