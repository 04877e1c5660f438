import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { DEFAULT_USAGE, loadUsage, parseUsage, usageFor, UsageError } from "../../plan/cost";

const STACKS = join(__dirname, "..", "..", "stacks");

function issuesOf(raw: unknown): string[] {
  try {
    parseUsage(raw, "usage.test.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error("expected a UsageError");
}

describe("usage file validation", () => {
  it.each([
    [{ requestsPerMonth: "lots" }, 'usage.requestsPerMonth: must be a number ≥ 0, got "lots"'],
    [{ requestsPerMonth: -1 }, "usage.requestsPerMonth: must be a number ≥ 0, got -1"],
    [{ meanRequestDurationMs: null }, "usage.meanRequestDurationMs: must be a number ≥ 0, got null"],
    [{ meanConcurrentRequests: 0 }, "usage.meanConcurrentRequests: must be a number ≥ 1, got 0"],
    [{ backupStorageGb: "2GB" }, 'usage.backupStorageGb: must be a number ≥ 0, got "2GB"'],
    [{ kmsKeyVersions: 1.5 }, "usage.kmsKeyVersions: must be an integer ≥ 0, got 1.5"],
    [{ kmsHorizonMonths: 0 }, "usage.kmsHorizonMonths: must be an integer 1–120, got 0"],
    [{ cloudRunFreeTier: "yes" }, 'usage.cloudRunFreeTier: must be true or false, got "yes"'],
    [{ version: 2 }, "usage.version: must be 1, got 2"],
    [{ secretAccessesPerMonth: [1] }, "usage.secretAccessesPerMonth: must be a number ≥ 0, got [1]"],
    [{ requestsPerMonth: Infinity }, "usage.requestsPerMonth: must be a number ≥ 0, got Infinity"],
    [
      { resources: { api: { requestsPerMonth: "x" } } },
      'usage.resources.api.requestsPerMonth: must be a number ≥ 0, got "x"',
    ],
    [
      { resources: { api: 5 } },
      "usage.resources.api: must be a map of usage overrides for this resource, got 5",
    ],
    [{ resources: [] }, "usage.resources: must be a map of logical resource name → usage overrides, got []"],
    ["requestsPerMonth: 5", 'usage: must be a map of usage keys, got "requestsPerMonth: 5"'],
  ])("rejects %j", (raw, message) => {
    expect(issuesOf(raw)).toEqual([message]);
  });

  it("rejects unknown keys, suggesting the near miss and listing what is allowed", () => {
    const [issue] = issuesOf({ requestPerMonth: 5 });
    expect(issue).toMatch(
      /^usage\.requestPerMonth: unknown key \(did you mean "requestsPerMonth"\?\); allowed: version, requestsPerMonth, /,
    );
    const [nested] = issuesOf({ resources: { api: { cloudRunFreeTier: true } } });
    expect(nested).toMatch(
      /^usage\.resources\.api\.cloudRunFreeTier: unknown key; allowed: requestsPerMonth, /,
    );
  });

  it("reports every problem at once, in a message naming the file", () => {
    expect(() =>
      parseUsage({ requestsPerMonth: "lots", cloudRunFreeTier: 1, bogus: true }, "stacks/usage.dev.yaml"),
    ).toThrow(
      /^Invalid usage file stacks\/usage\.dev\.yaml:\n {2}usage\.requestsPerMonth: must be a number ≥ 0, got "lots"\n {2}usage\.cloudRunFreeTier: must be true or false, got 1\n {2}usage\.bogus: unknown key; allowed: .*$/,
    );
  });
});

describe("usage defaults and overrides", () => {
  it("an empty document is all defaults", () => {
    expect(parseUsage(null)).toEqual(DEFAULT_USAGE);
    expect(parseUsage({})).toEqual(DEFAULT_USAGE);
    expect(DEFAULT_USAGE).toMatchObject({
      requestsPerMonth: 0,
      meanRequestDurationMs: 200,
      meanConcurrentRequests: 1,
      meanResponseKiB: 0,
      kmsOperationsPerMonth: 0,
      kmsHorizonMonths: 12,
      secretAccessesPerMonth: 0,
      cloudRunFreeTier: false,
      secretManagerFreeTier: false,
    });
    expect(DEFAULT_USAGE.backupStorageGb).toBeUndefined();
  });

  it("given keys win over defaults, and per-resource overrides win over the file", () => {
    const usage = parseUsage({
      requestsPerMonth: 10,
      resources: { api: { requestsPerMonth: 99, meanResponseKiB: 4 } },
    });
    expect(usage.meanRequestDurationMs).toBe(200);
    expect(usageFor(usage, "api")).toMatchObject({
      requestsPerMonth: 99,
      meanResponseKiB: 4,
      meanRequestDurationMs: 200,
    });
    expect(usageFor(usage, "worker").requestsPerMonth).toBe(10);
    expect(usageFor(usage, "toString").requestsPerMonth).toBe(10);
  });
});

describe("loadUsage", () => {
  it("loads the checked-in usage files for dev, staging and prod", () => {
    const dev = loadUsage("dev", STACKS);
    expect(dev).toMatchObject({ requestsPerMonth: 50_000, backupStorageGb: 2, cloudRunFreeTier: false });
    expect(loadUsage("staging", STACKS).requestsPerMonth).toBe(500_000);
    expect(loadUsage("prod", STACKS).backupStorageGb).toBe(150);
  });

  it("a missing file means defaults; a bad file names itself; a bad env name is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "usage-"));
    expect(loadUsage("qa", dir)).toEqual(DEFAULT_USAGE);
    writeFileSync(join(dir, "usage.qa.yaml"), "requestsPerMonth: lots\n");
    expect(() => loadUsage("qa", dir)).toThrow(`usage.requestsPerMonth: must be a number ≥ 0, got "lots"`);
    expect(() => loadUsage("qa", dir)).toThrow(join(dir, "usage.qa.yaml"));
    writeFileSync(join(dir, "usage.qa.yaml"), "requestsPerMonth: [1,\n");
    expect(() => loadUsage("qa", dir)).toThrow(/usage: not valid YAML/);
    writeFileSync(join(dir, "usage.qa.yaml"), "");
    expect(loadUsage("qa", dir)).toEqual(DEFAULT_USAGE);
    expect(() => loadUsage("../etc", dir)).toThrow(/env must be a stack name/);
  });
});
