/**
 * The workspace side of the CLI: `Pulumi.yaml` (project), `Pulumi.<stack>.yaml` (stack settings and
 * config), PULUMI_HOME (current stack per project, login state) and the backend URL.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { CliError } from "./errors";

/** A loaded `Pulumi.yaml`. */
export interface Project {
  readonly name: string;
  readonly runtime: string | { name: string; options?: Record<string, unknown> };
  readonly main?: string;
  readonly backend?: { url?: string };
  readonly stackConfigDir?: string;
  readonly config?: Record<string, unknown>;
  /** Directory holding the project file. */
  readonly dir: string;
  /** Path of the project file. */
  readonly file: string;
}

const EXTS = [".yaml", ".yml", ".json"] as const;

/** Finds and loads the project file, searching upwards from `cwd` as the real CLI does. */
export function loadProject(cwd: string): Project {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const ext of EXTS) {
      const file = path.join(dir, `Pulumi${ext}`);
      if (fs.existsSync(file)) {
        const text = fs.readFileSync(file, "utf8");
        const raw = (ext === ".json" ? JSON.parse(text) : parse(text)) as Record<string, any> | null;
        if (!raw || typeof raw.name !== "string" || raw.name === "") {
          throw new CliError(`could not load project file ${file}: project is missing a 'name' attribute`);
        }
        return { ...(raw as object), name: raw.name, runtime: raw.runtime ?? "nodejs", dir, file };
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new CliError(
    `no Pulumi.yaml project file found (searching upwards from ${path.resolve(cwd)}). ` +
      "If you have not created a project yet, use `pulumi new` to do so: no project file found",
  );
}

/** PULUMI_HOME (default `~/.pulumi`). */
export function pulumiHome(env: NodeJS.ProcessEnv = process.env): string {
  return env["PULUMI_HOME"] || path.join(os.homedir(), ".pulumi");
}

/** The backend URL: PULUMI_BACKEND_URL, then `backend.url`, then `pulumi login`, then the default. */
export function backendUrl(project: Project | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (env["PULUMI_BACKEND_URL"]) return env["PULUMI_BACKEND_URL"];
  if (project?.backend?.url) return project.backend.url;
  const creds = readCredentials(env);
  if (typeof creds["current"] === "string" && creds["current"] !== "") return creds["current"];
  const base = env["PULUMI_HOME"] ? path.join(env["PULUMI_HOME"], ".pulumi-double") : "~/.pulumi-double";
  return `file://${base}`;
}

/** The directory a `file://` backend URL points at (the `.pulumi` folder lives inside it). */
export function backendDir(url: string, cwd: string): string {
  if (!url.startsWith("file://")) {
    throw new CliError(
      `the Pulumi CLI double only supports file:// backends (DIY); got '${url}'. ` +
        "Set PULUMI_BACKEND_URL=file://<dir> or backend.url in Pulumi.yaml.",
    );
  }
  let p = url.slice("file://".length).replace(/\?.*$/, "");
  if (p === "" || p === "~") return os.homedir();
  if (p.startsWith("~/")) p = path.join(os.homedir(), p.slice(2));
  return path.resolve(cwd, p);
}

function credentialsPath(env: NodeJS.ProcessEnv): string {
  return path.join(pulumiHome(env), "credentials.json");
}

/** `credentials.json` in PULUMI_HOME ({} when absent). */
export function readCredentials(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(credentialsPath(env), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Records `pulumi login <url>`. */
export function writeCurrentBackend(url: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const creds = readCredentials(env);
  if (url === undefined) delete creds["current"];
  else creds["current"] = url;
  fs.mkdirSync(pulumiHome(env), { recursive: true });
  fs.writeFileSync(credentialsPath(env), JSON.stringify(creds, null, 4) + "\n");
}

function workspaceFile(project: Project, env: NodeJS.ProcessEnv): string {
  const hash = crypto.createHash("sha1").update(project.file).digest("hex");
  return path.join(pulumiHome(env), "workspaces", `${project.name}-${hash}-workspace.json`);
}

/** The stack selected for this project in this PULUMI_HOME, if any. */
export function currentStack(project: Project, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const ws = JSON.parse(fs.readFileSync(workspaceFile(project, env), "utf8")) as { stack?: string };
    return ws.stack || undefined;
  } catch {
    return undefined;
  }
}

/** Selects (or with undefined, unselects) the current stack. */
export function setCurrentStack(
  project: Project,
  stack: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const file = workspaceFile(project, env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stack ? { stack } : {}, null, 4) + "\n");
}

/** Short stack name from `name`, `org/name` or `org/project/name`; checks the project part. */
export function parseStackName(ref: string, project: Project): string {
  const parts = ref.split("/");
  if (parts.length === 3 && parts[1] !== project.name) {
    throw new CliError(
      `the stack '${ref}' belongs to project '${parts[1]}', but the current project is '${project.name}'`,
    );
  }
  if (parts.length > 3 || parts.some((p) => p === "")) throw new CliError(`invalid stack name '${ref}'`);
  const name = parts[parts.length - 1]!;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new CliError(
      `stack names may only contain alphanumeric, hyphens, underscores, or periods: '${name}' is invalid`,
    );
  }
  return name;
}

/** Raw contents of a stack settings file (`Pulumi.<stack>.yaml`). */
export interface StackSettings {
  secretsprovider?: string;
  encryptedkey?: string;
  encryptionsalt?: string;
  config?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Path of the stack settings file (an existing .yaml/.yml/.json, else the .yaml path). */
export function stackSettingsPath(project: Project, stack: string, configFile?: string): string {
  if (configFile) return path.resolve(configFile);
  const dir = project.stackConfigDir ? path.resolve(project.dir, project.stackConfigDir) : project.dir;
  for (const ext of EXTS) {
    const p = path.join(dir, `Pulumi.${stack}${ext}`);
    if (fs.existsSync(p)) return p;
  }
  return path.join(dir, `Pulumi.${stack}.yaml`);
}

/** Reads stack settings ({} when the file does not exist). */
export function readStackSettings(file: string): StackSettings {
  if (!fs.existsSync(file)) return {};
  const text = fs.readFileSync(file, "utf8");
  const raw = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as StackSettings | null;
  return raw ?? {};
}

/** Writes stack settings, preserving the file's format. */
export function writeStackSettings(file: string, settings: StackSettings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const clean: StackSettings = { ...settings };
  if (clean.config && Object.keys(clean.config).length === 0) delete clean.config;
  const text = file.endsWith(".json") ? JSON.stringify(clean, null, 4) + "\n" : stringify(clean);
  fs.writeFileSync(file, text);
}
