import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  publishReview,
  pullNumberFromEvent,
  resolveGitHubTarget,
  upsertStickyComments,
  type GitHubTarget,
} from "../../plan/github";
import type { PlanStep } from "../../plan/model";
import { renderComments, reviewMarker, type EnvReview } from "../../plan/render";

/** The few GitHub REST endpoints the publisher uses, in memory, on 127.0.0.1. */
interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}
class FakeGitHub {
  readonly comments = new Map<string, FakeComment[]>(); // "owner/repo#n" → comments
  readonly requests: string[] = [];
  token = "t0ken";
  private nextId = 1000;
  private server!: Server;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  seed(issue: string, login: string, body: string): FakeComment {
    const c = {
      id: this.nextId++,
      body,
      user: { login },
      html_url: `https://github.example/${issue}#c${this.nextId}`,
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
    return c;
  }
  list(issue: string): FakeComment[] {
    return this.comments.get(issue) ?? [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(data === undefined ? "" : JSON.stringify(data));
    };
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}`)
      return send(401, { message: "Bad credentials" });

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && list[1] !== "acme") return send(404, { message: "Not Found" });
    if (list && req.method === "GET") {
      const issue = `${list[1]}/${list[2]}#${list[3]}`;
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const all = this.list(issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next.toString()}>; rel="next", <${next.toString().replace(/page=\d+/, `page=${last}`)}>; rel="last"`;
      }
      return send(200, all.slice((page - 1) * perPage, page * perPage), headers);
    }
    if (list && req.method === "POST") {
      const { body } = JSON.parse(raw) as { body: string };
      if (body.length > 65_536) return send(422, { message: "Validation Failed: body is too long" });
      return send(201, this.seed(`${list[1]}/${list[2]}#${list[3]}`, "github-actions[bot]", body));
    }
    if (one) {
      const id = Number(one[3]);
      for (const [issue, comments] of this.comments) {
        const c = comments.find((x) => x.id === id);
        if (!c) continue;
        if (req.method === "PATCH") {
          c.body = (JSON.parse(raw) as { body: string }).body;
          return send(200, c);
        }
        if (req.method === "DELETE") {
          this.comments.set(
            issue,
            comments.filter((x) => x.id !== id),
          );
          return send(204);
        }
      }
      return send(404, { message: "Not Found" });
    }
    return send(404, { message: "Not Found" });
  }
}

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
