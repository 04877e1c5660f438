/**
 * Running the Pulumi program: an inline program through the Automation API's language server
 * (`--client <addr>`: the CLI calls `LanguageRuntime.Run` on it), or a local Node.js program by
 * spawning the SDK's own runner (`@pulumi/pulumi/cmd/run`) as `pulumi-language-nodejs` would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";
import { CHANNEL_OPTIONS, grpc, langproto, langrpc, PULUMI_SDK_DIR } from "./proto";
import type { Project } from "./workspace";

/** What the program run needs to know. */
export interface RunInfo {
  project: Project;
  stack: string;
  monitorAddress: string;
  dryRun: boolean;
  parallel: number;
  config: Record<string, string>;
  configSecretKeys: string[];
  env: NodeJS.ProcessEnv;
  /** Forwards a line the local program printed (shown as an info diagnostic). */
  onOutput: (line: string, stream: "stdout" | "stderr") => void;
}

/** A running program. */
export interface ProgramRun {
  /** Resolves with the program's error message, or undefined on success. */
  readonly done: Promise<string | undefined>;
  /** Stops a local program (no-op for inline ones: the Automation API owns them). */
  kill(): void;
}

/** Runs an inline program through the language server at `client`. */
export function runInline(client: string, info: RunInfo): ProgramRun {
  const lang = new langrpc.LanguageRuntimeClient(client, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  const req = new langproto.RunRequest();
  req.setProject(info.project.name);
  req.setStack(info.stack);
  req.setPwd(info.project.dir);
  req.setProgram(".");
  // The Automation API's language server reads the engine address from args[0].
  req.setArgsList([info.monitorAddress]);
  for (const [k, v] of Object.entries(info.config)) req.getConfigMap().set(k, v);
  req.setConfigsecretkeysList(info.configSecretKeys);
  req.setDryrun(info.dryRun);
  req.setParallel(info.parallel);
  req.setMonitorAddress(info.monitorAddress);
  req.setOrganization("organization");
  const done = new Promise<string | undefined>((resolve) => {
    lang.run(req, (err: Error | null, resp: any) => {
      lang.close();
      if (err) resolve((err as { details?: string }).details || err.message);
      else resolve(resp.getError() || undefined);
    });
  });
  return { done, kill: () => lang.close() };
}

/** The entry point of a local program: PULUMI_DOUBLE_MAIN, else `main` in Pulumi.yaml, else ".". */
function programPath(project: Project, env: NodeJS.ProcessEnv): string {
  const main = env["PULUMI_DOUBLE_MAIN"] || project.main || ".";
  return path.resolve(project.dir, main);
}

function canResolve(req: NodeJS.Require, id: string): boolean {
  try {
    req.resolve(id);
    return true;
  } catch {
    return false;
  }
}

/** Runs a local Node.js program with the SDK's runner. */
export function runLocal(info: RunInfo): ProgramRun {
  const { project } = info;
  const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
  if (runtime !== "nodejs") {
    throw new CliError(`the Pulumi CLI double only runs nodejs programs, not runtime '${runtime}'`);
  }
  const program = programPath(project, info.env);
  const req = createRequire(path.join(project.dir, "package.json"));
  let runner: string;
  try {
    runner = req.resolve("@pulumi/pulumi/cmd/run");
  } catch {
    // No SDK next to the program (e.g. a scratch project found through NODE_PATH): use the
    // double's own copy, as a globally installed language host would find one.
    runner = path.join(PULUMI_SDK_DIR, "cmd", "run");
  }
  const env: NodeJS.ProcessEnv = {
    ...info.env,
    PULUMI_CONFIG: JSON.stringify(info.config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(info.configSecretKeys),
  };
  if (program.endsWith(".ts")) {
    if (!canResolve(req, "ts-node")) {
      throw new CliError(
        `the Pulumi CLI double cannot run the TypeScript program ${program}: ts-node is not installed. ` +
          "Use an inline program, or set PULUMI_DOUBLE_MAIN to compiled JavaScript.",
      );
    }
    env["PULUMI_NODEJS_TYPESCRIPT"] = "true";
  } else if (!fs.existsSync(program)) {
    throw new CliError(`the program entry point ${program} does not exist`);
  }
  const args = [
    runner,
    `--monitor=${info.monitorAddress}`,
    `--engine=${info.monitorAddress}`,
    `--project=${project.name}`,
    `--stack=${info.stack}`,
    `--organization=organization`,
    `--root-directory=${project.dir}`,
    `--pwd=${project.dir}`,
    `--parallel=${info.parallel}`,
    ...(info.dryRun ? ["--dry-run"] : []),
    program,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: project.dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forward = (stream: "stdout" | "stderr") => {
    let buf = "";
    child[stream]!.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        info.onOutput(buf.slice(0, nl), stream);
        buf = buf.slice(nl + 1);
      }
    });
    child[stream]!.on("end", () => buf && info.onOutput(buf, stream));
  };
  forward("stdout");
  forward("stderr");
  const done = new Promise<string | undefined>((resolve) => {
    child.on("exit", (code, sig) => {
      if (code === 0) resolve(undefined);
      else if (code === 32) resolve("the program reported an error (see diagnostics)");
      else resolve(`Program exited with non-zero exit code: ${code ?? sig}`);
    });
    child.on("error", (e) => resolve(e.message));
  });
  return { done, kill: () => child.kill("SIGKILL") };
}
