// The per-commit build cache of the offline review (a scratch git repository with a few files, so
// each build takes milliseconds) and the review's progress model.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { baseBuild, cacheDir, KEEP_BUILDS, type BaseBuildStep } from "../../orchestrator/review/base-build";
import { ReviewProgressModel } from "../../orchestrator/review/progress";
import { tempDir } from "../support/temp";

const ROOT = path.resolve(__dirname, "../..");

/** A git repository whose commits have a tsconfig and the synth worker's path; returns a committer. */
function scratchRepo(): { root: string; commit(files: Record<string, string>): string } {
  const root = tempDir("base-build-repo-");
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
      {
        cwd: root,
        encoding: "utf8",
      },
    ).trim();
  git("init", "-q");
  // The compiler comes from the checkout's node_modules (untracked, as in a real checkout).
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return {
    root,
    commit(files) {
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
        fs.writeFileSync(path.join(root, f), text);
      }
      git("add", ...Object.keys(files));
      git("commit", "-q", "-m", "c");
      return git("rev-parse", "HEAD");
    },
  };
}

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2023",
    module: "nodenext",
    moduleResolution: "nodenext",
    outDir: "dist",
    rootDir: ".",
  },
  include: ["orchestrator"],
});
const GOOD = {
  "tsconfig.build.json": TSCONFIG,
  "orchestrator/synth/worker.ts": "export const worker: string = 'base';\n",
  "orchestrator/synth/index.ts":
    'import { worker } from "./worker";\nexport const which = (): string => worker;\n',
};

const savedCache = process.env["PLATFORM_CACHE_DIR"];
beforeEach(() => {
  process.env["PLATFORM_CACHE_DIR"] = tempDir("base-build-cache-");
});
afterEach(() => {
  if (savedCache === undefined) delete process.env["PLATFORM_CACHE_DIR"];
  else process.env["PLATFORM_CACHE_DIR"] = savedCache;
});

describe("cacheDir", () => {
  it("is PLATFORM_CACHE_DIR, else node_modules/.cache/platform, else the temp dir", () => {
    expect(cacheDir("/repo", { PLATFORM_CACHE_DIR: "/c" })).toBe("/c");
    expect(cacheDir(ROOT, {})).toBe(path.join(ROOT, "node_modules", ".cache", "platform"));
    expect(cacheDir("/nonexistent-root", {})).toBe(path.join(os.tmpdir(), "platform-cache"));
  });
});

describe("baseBuild", () => {
  it("builds a commit once for concurrent callers, then reuses the build", async () => {
    const repo = scratchRepo();
    const sha = repo.commit(GOOD);
    const steps: BaseBuildStep[] = [];
    const [a, b] = await Promise.all([
      baseBuild(sha, repo.root, (s) => steps.push(s)),
      baseBuild(sha, repo.root, (s) => steps.push(s)),
    ]);
    expect(a).toBe(b);
    expect(steps.filter((s) => s.step === "build" && !s.cached)).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(a, "dist", "orchestrator", "synth", "index.js")) as { which(): string };
    expect(built.which()).toBe("base");
    expect(fs.readdirSync(path.dirname(a))).toEqual([path.basename(a)]); // no lock or half-built dir left

    const again: BaseBuildStep[] = [];
    expect(await baseBuild(sha, repo.root, (s) => again.push(s))).toBe(a);
    expect(again).toEqual([
      { step: "checkout", cached: true },
      { step: "build", cached: true },
    ]);
  });

  it("extracts the commit when tar exits before git does (both exit codes are awaited)", async () => {
    const repo = scratchRepo();
    const sha = repo.commit(GOOD);
    // A git whose `archive` closes its output, so tar finishes, and only then exits itself.
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const bin = tempDir("late-git-");
    fs.writeFileSync(
      path.join(bin, "git"),
      `#!/bin/sh\nif [ "$1" = archive ]; then "${realGit}" "$@"; exec >&-; sleep 0.3; exit 0; fi\nexec "${realGit}" "$@"\n`,
      { mode: 0o755 },
    );
    const savedPath = process.env["PATH"];
    process.env["PATH"] = `${bin}${path.delimiter}${savedPath ?? ""}`;
    try {
      const dir = await baseBuild(sha, repo.root);
      expect(fs.readFileSync(path.join(dir, "orchestrator", "synth", "worker.ts"), "utf8")).toContain("base");
    } finally {
      process.env["PATH"] = savedPath;
    }
  });

  it("keeps the most recently used builds only", async () => {
    const repo = scratchRepo();
    const dirs: string[] = [];
    for (let i = 0; i <= KEEP_BUILDS; i++) {
      const sha = repo.commit({ ...GOOD, "orchestrator/n.ts": `export const n = ${i};\n` });
      dirs.push(await baseBuild(sha, repo.root));
    }
    const left = fs.readdirSync(path.dirname(dirs[0]!)).sort();
    expect(left).toHaveLength(KEEP_BUILDS);
    expect(left).toEqual(
      dirs
        .slice(1)
        .map((d) => path.basename(d))
        .sort(),
    );
  });

  it("a syntax error fails the build naming the file, and nothing is cached", async () => {
    const repo = scratchRepo();
    const sha = repo.commit({ ...GOOD, "orchestrator/broken.ts": "export const = ;\n" });
    await expect(baseBuild(sha, repo.root)).rejects.toThrow(
      /the base revision does not build:\norchestrator\/broken\.ts: /,
    );
    const builds = path.join(process.env["PLATFORM_CACHE_DIR"]!, "base-builds");
    expect(fs.readdirSync(builds)).toEqual([]);
  });

  it("a commit without offline synth is refused", async () => {
    const repo = scratchRepo();
    const sha = repo.commit({ "tsconfig.build.json": TSCONFIG, "orchestrator/x.ts": "export {};\n" });
    await expect(baseBuild(sha, repo.root)).rejects.toThrow(/predates offline synth; pick a newer base/);
  });
});

describe("ReviewProgressModel", () => {
  it("shows each step once, running with its elapsed time, then done or cached", () => {
    let now = 0;
    const model = new ReviewProgressModel(() => now);
    model.apply({ step: "checkout", state: "done", cached: true });
    model.apply({ step: "build", state: "done", cached: true });
    model.apply({ step: "synth", side: "head", env: "prod", state: "start", cached: false });
    model.apply({ step: "synth", side: "base", env: "prod", state: "start", cached: false });
    now = 2_500;
    model.apply({ step: "synth", side: "base", env: "prod", state: "done", cached: true });
    expect(model.lines()).toEqual([
      "base: checkout    cached",
      "base: build       cached",
      "prod: synth head  2.5s …",
      "prod: synth base  cached",
    ]);
    model.apply({ step: "synth", side: "head", env: "prod", state: "done", cached: false });
    model.apply({ step: "diff", env: "prod", state: "start" });
    model.apply({ step: "diff", env: "prod", state: "done" });
    expect(model.lines().slice(2)).toEqual([
      "prod: synth head  done in 2.5s",
      "prod: synth base  cached",
      "prod: diff        done in 0.0s",
    ]);
  });
});

describe("review --offline in a user's own Pulumi project", () => {
  const CLI = path.join(ROOT, "dist", "orchestrator", "cli.js");
  const program = (pets: Record<string, number>) =>
    'import * as random from "@pulumi/random";\n' +
    Object.entries(pets)
      .map(([name, length]) => `new random.RandomPet(${JSON.stringify(name)}, { length: ${length} });\n`)
      .join("") +
    "export const ok = true;\n";
  // The project is the one in the working directory, as for a user running the CLI there.
  const projectEnv = () => {
    const env = { ...process.env };
    delete env["PLATFORM_STACKS_DIR"];
    delete env["PLATFORM_PROJECT_DIR"];
    return env;
  };
  const review = (cwd: string) => {
    const started = Date.now();
    const out = execFileSync(
      process.execPath,
      [CLI, "review", "--offline", "--base", "HEAD", "--env", "dev", "--format", "json"],
      {
        cwd,
        encoding: "utf8",
        env: projectEnv(),
      },
    );
    return {
      json: JSON.parse(out) as { environments: { changes: { op: string; name: string }[] }[] },
      ms: Date.now() - started,
    };
  };

  it("diffs the project's program at the base commit against the working tree, the base cached per commit", () => {
    // A consumer repository: the project in infra/ (its own Pulumi.yaml main and stackConfigDir),
    // depending on the package through its node_modules; nothing of the library's layout.
    const repo = scratchRepo();
    fs.mkdirSync(path.join(repo.root, "infra"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(repo.root, "infra", "node_modules"), "dir");
    repo.commit({
      ".gitignore": "node_modules\n",
      "infra/Pulumi.yaml": "name: shop-infra\nruntime: nodejs\nmain: src/main.ts\nstackConfigDir: envs\n",
      // The platform's config (profile, region, budget) as a user's stack file carries it.
      "infra/envs/Pulumi.dev.yaml": fs.readFileSync(path.join(ROOT, "stacks", "Pulumi.dev.yaml"), "utf8"),
      "infra/src/main.ts": program({ kept: 2, resized: 2, dropped: 2 }),
    });
    fs.writeFileSync(
      path.join(repo.root, "infra", "src", "main.ts"),
      program({ kept: 2, resized: 3, added: 2 }),
    );

    const first = review(path.join(repo.root, "infra"));
    const ops = Object.fromEntries(first.json.environments[0]!.changes.map((c) => [c.name, c.op]));
    expect(ops, JSON.stringify(first.json.environments[0]!.changes)).toEqual({
      resized: "update",
      added: "create",
      dropped: "delete",
    });
    const trees = path.join(process.env["PLATFORM_CACHE_DIR"]!, "base-trees");
    const entries = fs.readdirSync(trees).filter((e) => !e.endsWith(".lock"));
    expect(entries).toHaveLength(1);
    const synthCache = fs.readdirSync(path.join(trees, entries[0]!, ".synth", "infra"));
    expect(synthCache.filter((f) => f.startsWith("dev-"))).toHaveLength(1);

    // Second review: same commit, so no checkout and no base synth (only the head's synth runs).
    const second = review(path.join(repo.root, "infra"));
    expect(second.json.environments[0]!.changes).toEqual(first.json.environments[0]!.changes);
    expect(fs.readdirSync(trees).filter((e) => !e.endsWith(".lock"))).toEqual(entries);
    process.stderr.write(`consumer offline review: first ${first.ms} ms, cached base ${second.ms} ms\n`);
  });
});
