import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The few GitHub REST endpoints the publisher uses, in memory, on 127.0.0.1. */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}
export class FakeGitHub {
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
