import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  publishReview,
  pullNumberFromEvent,
  resolveGitHubTarget,
  upsertStickyComments,
  type GitHubTarget,
} from "../../plan/github";
import type { PlanStep } from "../../plan/model";
import { renderComments, reviewMarker, type EnvReview } from "../../plan/render";
import { FakeGitHub } from "../support/fake-github";

const gh = new FakeGitHub();
const ISSUE = "acme/infra#7";
let target: GitHubTarget;
beforeAll(async () => {
  await gh.start();
  target = { owner: "acme", repo: "infra", issueNumber: 7, token: gh.token, baseUrl: gh.url };
});
afterAll(async () => {
  await gh.stop();
});
beforeEach(() => {
  gh.comments.clear();
  gh.requests.length = 0;
});

const parts = (n: number, text: string, key?: string) =>
  Array.from({ length: n }, (_, i) => `${reviewMarker(key, i + 1)}\n${text} part ${i + 1}`);

describe("upsertStickyComments", () => {
  it("creates the comment once, then updates it in place, paginating past other comments", async () => {
    for (let i = 0; i < 150; i++) gh.seed(ISSUE, "reviewer", `LGTM ${i}`);
    const first = await upsertStickyComments(target, parts(1, "v1"));
    expect(first.created).toHaveLength(1);
    expect(gh.list(ISSUE)).toHaveLength(151);

    gh.requests.length = 0;
    const second = await upsertStickyComments(target, parts(1, "v2"));
    expect(second.updated).toEqual(first.created);
    expect(second.created).toEqual([]);
    expect(gh.list(ISSUE).at(-1)!.body).toContain("v2 part 1");
    expect(gh.requests.filter((r) => r.startsWith("GET"))).toEqual([
      "GET /repos/acme/infra/issues/7/comments?per_page=100",
      "GET /repos/acme/infra/issues/7/comments?per_page=100&page=2",
    ]);
  });

  it("adds parts when the review grows and deletes surplus parts when it shrinks", async () => {
    const one = await upsertStickyComments(target, parts(1, "small"));
    gh.seed(ISSUE, "reviewer", "a comment in between");
    const three = await upsertStickyComments(target, parts(3, "big"));
    expect(three.updated).toEqual(one.created);
    expect(three.created).toHaveLength(2);
    expect(three.ids[0]).toBe(one.created[0]);

    const back = await upsertStickyComments(target, parts(1, "small again"));
    expect(back.updated).toEqual([three.ids[0]]);
    expect(back.deleted).toEqual(three.created);
    expect(gh.list(ISSUE).map((c) => c.body)).toEqual([
      `${reviewMarker()}\nsmall again part 1`,
      "a comment in between",
    ]);
  });

  it("sends nothing for an unchanged part and removes duplicates left by concurrent runs", async () => {
    await upsertStickyComments(target, parts(2, "same"));
    gh.seed(ISSUE, "github-actions[bot]", `${reviewMarker()}\nduplicate from a racing run`);
    gh.requests.length = 0;
    const r = await upsertStickyComments(target, parts(2, "same"));
    expect(r.unchanged).toHaveLength(2);
    expect(r.deleted).toHaveLength(1);
    expect(gh.requests.filter((x) => x.startsWith("PATCH") || x.startsWith("POST"))).toEqual([]);
    expect(gh.list(ISSUE)).toHaveLength(2);
  });

  it("keeps reviews with different keys apart, and can restrict to one author", async () => {
    await upsertStickyComments(target, parts(1, "default"));
    await upsertStickyComments(target, parts(1, "infra", "infra"), { key: "infra" });
    expect(gh.list(ISSUE)).toHaveLength(2);
    const quoted = gh.seed(ISSUE, "someone", `${reviewMarker("infra")}\nnot ours`);
    const r = await upsertStickyComments(target, parts(1, "infra v2", "infra"), {
      key: "infra",
      author: "github-actions[bot]",
    });
    expect(r.deleted).toEqual([]);
    expect(gh.list(ISSUE).find((c) => c.id === quoted.id)!.body).toContain("not ours");
    expect(gh.list(ISSUE).map((c) => c.body.split("\n")[1])).toEqual([
      "default part 1",
      "infra v2 part 1",
      "not ours",
    ]);
  });

  it("refuses bodies without the right markers", async () => {
    await expect(upsertStickyComments(target, ["no marker"])).rejects.toThrow(
      /does not start with the marker/,
    );
    await expect(upsertStickyComments(target, parts(1, "x"), { key: "other" })).rejects.toThrow(
      /key other part 1/,
    );
    await expect(upsertStickyComments(target, [])).rejects.toThrow(/nothing to post/);
  });

  it("explains API failures", async () => {
    await expect(upsertStickyComments({ ...target, token: "wrong" }, parts(1, "x"))).rejects.toThrow(
      /could not list comments on acme\/infra#7: HTTP 401 .*token is invalid/,
    );
    await expect(upsertStickyComments({ ...target, owner: "nobody" }, parts(1, "x"))).rejects.toThrow(
      /HTTP 404 .*wrong repository or PR number/,
    );
    const huge = `${reviewMarker()}\n${"x".repeat(70_000)}`;
    await expect(upsertStickyComments(target, [huge])).rejects.toThrow(/HTTP 422 .*over 65,536 characters/);
  });
});

describe("resolveGitHubTarget", () => {
  const dir = mkdtempSync(join(tmpdir(), "gh-event-"));
  const event = (name: string, payload: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };

  it("reads token, repository, PR number and API URL from the Actions environment", () => {
    const t = resolveGitHubTarget({
      env: {
        GITHUB_TOKEN: "abc",
        GITHUB_REPOSITORY: "acme/infra",
        GITHUB_EVENT_PATH: event("pr.json", {
          action: "synchronize",
          number: 12,
          pull_request: { number: 12 },
        }),
        GITHUB_API_URL: "https://ghe.example.com/api/v3/",
      },
    });
    expect(t).toEqual({
      owner: "acme",
      repo: "infra",
      issueNumber: 12,
      token: "abc",
      baseUrl: "https://ghe.example.com/api/v3",
    });
    expect(pullNumberFromEvent(event("comment.json", { issue: { number: 5, pull_request: {} } }))).toBe(5);
  });

  it("lets options win and defaults the API URL", () => {
    const t = resolveGitHubTarget({ env: {}, token: "x", repository: "a/b", pullNumber: 3 });
    expect(t.baseUrl).toBe("https://api.github.com");
  });

  it("says what is missing and how to provide it", () => {
    expect(() => resolveGitHubTarget({ env: {} })).toThrow(/no token: set GITHUB_TOKEN/);
    expect(() => resolveGitHubTarget({ env: { GITHUB_TOKEN: "x" } })).toThrow(
      /no repository: set GITHUB_REPOSITORY/,
    );
    expect(() => resolveGitHubTarget({ env: { GITHUB_TOKEN: "x", GITHUB_REPOSITORY: "nope" } })).toThrow(
      /must be "owner\/name", got "nope"/,
    );
    expect(() => resolveGitHubTarget({ env: { GITHUB_TOKEN: "x", GITHUB_REPOSITORY: "a/b" } })).toThrow(
      /GITHUB_EVENT_PATH is not set; pass the number explicitly/,
    );
    const push = event("push.json", { ref: "refs/heads/main" });
    expect(() =>
      resolveGitHubTarget({ env: { GITHUB_TOKEN: "x", GITHUB_REPOSITORY: "a/b", GITHUB_EVENT_PATH: push } }),
    ).toThrow(/has no pull_request.number/);
    expect(() =>
      resolveGitHubTarget({
        env: { GITHUB_TOKEN: "x", GITHUB_REPOSITORY: "a/b", GITHUB_EVENT_PATH: join(dir, "missing.json") },
      }),
    ).toThrow(/cannot read the event payload/);
    expect(() => resolveGitHubTarget({ env: {}, token: "x", repository: "a/b", pullNumber: 0 })).toThrow(
      /positive integer, got 0/,
    );
  });
});

describe("publishReview", () => {
  it("renders, splits and posts a long review from the Actions environment", async () => {
    const steps = Array.from({ length: 1200 }, (_, i): PlanStep => ({
      op: "create",
      urn: `urn:pulumi:dev::platform::gcp:secretmanager/secret:Secret::secret-${i}`,
      type: "gcp:secretmanager/secret:Secret",
      name: `secret-${i}`,
      newInputs: { secretId: `s-${"x".repeat(30)}-${i}`, replication: { auto: {} }, labels: { env: "dev" } },
      diffs: [],
      replaceReasons: [],
    }));
    const reviews: EnvReview[] = [{ env: "dev", stack: "acme/dev", source: "preview", steps, findings: [] }];
    const env = {
      GITHUB_TOKEN: gh.token,
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_API_URL: gh.url,
      GITHUB_EVENT_PATH: (() => {
        const p = join(mkdtempSync(join(tmpdir(), "gh-")), "event.json");
        writeFileSync(p, JSON.stringify({ pull_request: { number: 7 } }));
        return p;
      })(),
    };
    const expected = renderComments(reviews);
    expect(expected.length).toBeGreaterThan(1);
    const r = await publishReview(reviews, { env });
    expect(r.created).toHaveLength(expected.length);
    expect(gh.list(ISSUE).map((c) => c.body)).toEqual(expected);
    expect(gh.list(ISSUE)[0]!.body).toContain("| **dev** | 1200 | 0 | 0 | 0 |");

    const again = await publishReview(
      reviews.map((rv) => ({ ...rv, steps: rv.steps.slice(0, 3) })),
      { env },
    );
    expect(again.updated).toHaveLength(1);
    expect(again.deleted).toHaveLength(expected.length - 1);
    expect(gh.list(ISSUE)).toHaveLength(1);
  });
});
