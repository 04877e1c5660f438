/**
 * A DIY (file://) backend laid out like the real one in project mode:
 *
 *   <dir>/.pulumi/meta.yaml
 *   <dir>/.pulumi/stacks/<project>/<stack>.json            checkpoint {version: 3, checkpoint}
 *   <dir>/.pulumi/history/<project>/<stack>/<stack>-<ns>.history.json
 *   <dir>/.pulumi/locks/organization/<project>/<stack>/<id>.json
 *   <dir>/.pulumi/stacks/<project>/<stack>.tags.json        (double only: the real DIY backend keeps no tags)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";
import type { DeploymentV3, ResourceState } from "./state";

/** The checkpoint file's contents. */
export interface CheckpointFile {
  version: 3;
  checkpoint: { stack: string; config?: Record<string, unknown>; latest?: DeploymentV3 };
}

/** One `stack history` entry (`backend.UpdateInfo`). */
export interface UpdateRecord {
  version: number;
  kind: "update" | "refresh" | "destroy" | "import" | "preview";
  startTime: number;
  endTime?: number;
  message: string;
  environment: Record<string, string>;
  config: Record<string, unknown>;
  result: "succeeded" | "failed" | "in-progress";
  resourceChanges?: Record<string, number>;
}

/** Stands for the resources in the checkpoint's outline (a string JSON escapes, never in a value). */
const RESOURCES = "\u0000resources\u0000";

/**
 * The text of a checkpoint file, byte for byte what `JSON.stringify(file, null, 4) + "\n"` writes,
 * with each resource's part taken from `texts` when it is there (and kept there): an operation
 * journals its whole snapshot after every step, and most resources are unchanged between two
 * journals.
 *
 * @example
 * ```ts
 * const texts = new WeakMap<ResourceState, string>();
 * checkpointText(file, texts) === JSON.stringify(file, null, 4) + "\n"; // true
 * ```
 */
export function checkpointText(file: CheckpointFile, texts: WeakMap<ResourceState, string>): string {
  const latest = file.checkpoint.latest;
  if (!latest?.resources?.length) return JSON.stringify(file, null, 4) + "\n";
  // The same keys in the same order, the resources replaced by a marker, then the marker by them.
  const outline = Object.fromEntries(
    Object.entries(latest).map(([k, v]) => [k, k === "resources" ? RESOURCES : (v as unknown)]),
  );
  const text = JSON.stringify({ ...file, checkpoint: { ...file.checkpoint, latest: outline } }, null, 4);
  // Resources are items of checkpoint.latest.resources: four levels deep, 16 spaces.
  const item = " ".repeat(16);
  const parts = latest.resources.map((r) => {
    let t = texts.get(r);
    if (t === undefined) {
      t = item + JSON.stringify(r, null, 4).replace(/\n/g, `\n${item}`);
      texts.set(r, t);
    }
    return t;
  });
  const array = `[\n${parts.join(",\n")}\n${" ".repeat(12)}]`;
  return text.replace(JSON.stringify(RESOURCES), () => array) + "\n";
}

/** Writes a file atomically (temp file + rename), so a killed process never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** The DIY backend of one project. */
export class Backend {
  readonly root: string;

  constructor(
    /** The backend URL as configured (`file://…`). */
    readonly url: string,
    /** The directory the URL points at. */
    readonly dir: string,
    /** The project name. */
    readonly project: string,
  ) {
    this.root = path.join(dir, ".pulumi");
  }

  /** Creates `.pulumi/meta.yaml` on first use. */
  ensureMeta(): void {
    const meta = path.join(this.root, "meta.yaml");
    if (!fs.existsSync(meta)) {
      fs.mkdirSync(this.root, { recursive: true });
      fs.writeFileSync(meta, "version: 1\n");
    }
  }

  /** Fully qualified stack name as the DIY backend spells it. */
  qualified(stack: string): string {
    return `organization/${this.project}/${stack}`;
  }

  private stackFile(stack: string): string {
    return path.join(this.root, "stacks", this.project, `${stack}.json`);
  }

  /** Directory of the stack's lock files. */
  lockDir(stack: string): string {
    return path.join(this.root, "locks", "organization", this.project, stack);
  }

  private historyDir(stack: string): string {
    return path.join(this.root, "history", this.project, stack);
  }

  private tagsFile(stack: string): string {
    return path.join(this.root, "stacks", this.project, `${stack}.tags.json`);
  }

  /** True when the stack exists. */
  exists(stack: string): boolean {
    return fs.existsSync(this.stackFile(stack));
  }

  /** Throws the real CLI's not-found message unless the stack exists. */
  requireStack(stack: string): void {
    if (!this.exists(stack)) throw new CliError(`no stack named '${stack}' found`);
  }

  /** Creates an empty stack; throws the real CLI's message when it exists. */
  createStack(stack: string): void {
    this.ensureMeta();
    if (this.exists(stack)) throw new CliError(`stack '${this.qualified(stack)}' already exists`);
    const file: CheckpointFile = { version: 3, checkpoint: { stack: this.qualified(stack) } };
    writeFileAtomic(this.stackFile(stack), JSON.stringify(file, null, 4) + "\n");
  }

  /** Stack names of this project, sorted. */
  listStacks(): string[] {
    const dir = path.join(this.root, "stacks", this.project);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".tags.json"))
      .map((f) => f.slice(0, -".json".length))
      .sort();
  }

  /** The stack's latest deployment (undefined before the first update). */
  readDeployment(stack: string): DeploymentV3 | undefined {
    this.requireStack(stack);
    const file = JSON.parse(fs.readFileSync(this.stackFile(stack), "utf8")) as CheckpointFile;
    return file.checkpoint.latest ?? undefined;
  }

  /** Last modification time of the checkpoint, in ms. */
  lastModified(stack: string): number {
    return fs.statSync(this.stackFile(stack)).mtimeMs;
  }

  /**
   * Writes the stack's latest deployment (atomically). `texts` keeps each resource's JSON text
   * between the writes of one operation (see {@link checkpointText}).
   */
  writeDeployment(stack: string, deployment: DeploymentV3, texts?: WeakMap<ResourceState, string>): void {
    const file: CheckpointFile = {
      version: 3,
      checkpoint: { stack: this.qualified(stack), latest: deployment },
    };
    const text = texts ? checkpointText(file, texts) : JSON.stringify(file, null, 4) + "\n";
    writeFileAtomic(this.stackFile(stack), text);
  }

  /** Removes the stack's checkpoint, history, tags and locks. */
  removeStack(stack: string): void {
    fs.rmSync(this.stackFile(stack), { force: true });
    fs.rmSync(this.tagsFile(stack), { force: true });
    fs.rmSync(this.historyDir(stack), { recursive: true, force: true });
    fs.rmSync(this.lockDir(stack), { recursive: true, force: true });
  }

  /** History, newest first. */
  history(stack: string): UpdateRecord[] {
    const dir = this.historyDir(stack);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".history.json"))
      .sort()
      .reverse()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as UpdateRecord);
  }

  /** Appends a history entry (version = previous count + 1). */
  addHistory(stack: string, record: Omit<UpdateRecord, "version">): UpdateRecord {
    const full: UpdateRecord = { ...record, version: this.history(stack).length + 1 };
    const stamp = String(BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n)).padStart(
      20,
      "0",
    );
    writeFileAtomic(
      path.join(this.historyDir(stack), `${stack}-${stamp}.history.json`),
      JSON.stringify(full, null, 4) + "\n",
    );
    return full;
  }

  /** User tags of the stack. */
  readTags(stack: string): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.tagsFile(stack), "utf8")) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** Replaces the user tags of the stack. */
  writeTags(stack: string, tags: Record<string, string>): void {
    writeFileAtomic(this.tagsFile(stack), JSON.stringify(tags, null, 4) + "\n");
  }
}
