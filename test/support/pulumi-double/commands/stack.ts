/**
 * `pulumi stack …`: init, select, ls, rm, output, history, export, import, tag.
 */
import * as fs from "node:fs";
import { configJson } from "../config";
import type { Context } from "../context";
import { doubleVersion } from "../context";
import { Crypter } from "../crypto";
import { CliError } from "../errors";
import { acquireLock, checkUnlocked, listLocks } from "../locks";
import { blindToText, unwrap, type Props } from "../props";
import {
  decryptProps,
  encryptProps,
  manifest,
  mapDeploymentProps,
  plaintextProps,
  verifyIntegrity,
  type DeploymentV3,
  type UntypedDeployment,
} from "../state";
import { currentStack, parseStackName, setCurrentStack } from "../workspace";

const json = (v: unknown) => JSON.stringify(v, null, 4) + "\n";

/** `stack init <name>` (or `--stack`). */
export function stackInit(ctx: Context): number {
  const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
  if (!ref) throw new CliError("a stack name is required in non-interactive mode");
  const provider = ctx.args.value("secrets-provider");
  if (provider && provider !== "passphrase" && provider !== "default") {
    throw new CliError(
      `the Pulumi CLI double only supports the passphrase secrets provider, not '${provider}'`,
    );
  }
  const name = parseStackName(ref, ctx.project);
  ctx.backend.createStack(name);
  try {
    ctx.crypter(name, true);
  } catch (e) {
    ctx.backend.removeStack(name);
    throw e;
  }
  if (!ctx.args.bool("no-select")) setCurrentStack(ctx.project, name, ctx.env);
  ctx.stdout(`Created stack '${name}'\n`);
  return 0;
}

/** `stack select <name>` / `stack select --stack <name> [--create]`. */
export function stackSelect(ctx: Context): number {
  const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
  if (!ref) throw new CliError("a stack name is required in non-interactive mode");
  const name = parseStackName(ref, ctx.project);
  if (!ctx.backend.exists(name)) {
    if (ctx.args.bool("create")) return stackInit(ctx);
    throw new CliError(`no stack named '${name}' found`);
  }
  setCurrentStack(ctx.project, name, ctx.env);
  return 0;
}

/** `stack` with no subcommand: checks the stack exists and prints a short summary. */
export function stackShow(ctx: Context): number {
  const name = ctx.stackName();
  const d = ctx.backend.readDeployment(name);
  ctx.stdout(`Current stack is ${name}:\n    Managed by ${ctx.backend.url}\n`);
  ctx.stdout(`    ${d?.resources?.length ?? 0} resources\n`);
  return 0;
}

/** `stack ls --json`. */
export function stackLs(ctx: Context): number {
  const current = currentStack(ctx.project, ctx.env);
  const out = ctx.backend.listStacks().map((name) => {
    const d = ctx.backend.readDeployment(name);
    const hist = ctx.backend.history(name)[0];
    return {
      name,
      current: name === current,
      ...(hist?.endTime ? { lastUpdate: new Date(hist.endTime * 1000).toISOString() } : {}),
      updateInProgress: listLocks(ctx.backend, name).length > 0,
      ...(d ? { resourceCount: d.resources?.length ?? 0 } : {}),
      url: ctx.backend.url,
    };
  });
  if (ctx.args.bool("json")) ctx.stdout(json(out));
  else {
    ctx.stdout("NAME  LAST UPDATE  RESOURCE COUNT\n");
    for (const s of out) {
      const count = s.resourceCount === undefined ? "n/a" : String(s.resourceCount);
      ctx.stdout(`${s.name}${s.current ? "*" : ""}  ${s.lastUpdate ?? "n/a"}  ${count}\n`);
    }
  }
  return 0;
}

/** `stack rm [--yes] [--force] [--preserve-config] <name>`. */
export function stackRm(ctx: Context): number {
  const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
  const name = ref ? parseStackName(ref, ctx.project) : ctx.stackName();
  ctx.backend.requireStack(name);
  if (!ctx.args.bool("yes"))
    throw new CliError("--yes must be passed in to proceed when running in non-interactive mode");
  const force = ctx.args.bool("force");
  if (!force) checkUnlocked(ctx.backend, name);
  const count = ctx.backend.readDeployment(name)?.resources?.length ?? 0;
  if (count > 0 && !force) {
    throw new CliError(
      `'${name}' still has resources; removal rejected. Possible actions:\n` +
        `- Make sure that '${name}' is the stack that you want to destroy\n` +
        "- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n" +
        "- Run `pulumi stack rm --force` to override this error",
    );
  }
  ctx.backend.removeStack(name);
  if (!ctx.args.bool("preserve-config")) fs.rmSync(ctx.settingsPath(name), { force: true });
  if (currentStack(ctx.project, ctx.env) === name) setCurrentStack(ctx.project, undefined, ctx.env);
  ctx.stdout(`Stack '${name}' has been removed!\n`);
  return 0;
}

function stackOutputs(ctx: Context, name: string, showSecrets: boolean): Props {
  const d = ctx.backend.readDeployment(name);
  const root = d?.resources?.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
  const outs = root?.outputs ?? {};
  if (!showSecrets) return blindToText(outs) as Props;
  return unwrap(decryptProps(outs, ctx.crypter(name))) as Props;
}

/** `stack output [name] [--json] [--show-secrets]`. */
export function stackOutput(ctx: Context): number {
  const name = ctx.stackName();
  const outs = stackOutputs(ctx, name, ctx.args.bool("show-secrets"));
  const prop = ctx.args.positionals[0];
  if (prop !== undefined) {
    if (!(prop in outs)) throw new CliError(`current stack does not have output property '${prop}'`);
    const v = outs[prop];
    ctx.stdout(ctx.args.bool("json") ? json(v) : `${typeof v === "string" ? v : JSON.stringify(v)}\n`);
    return 0;
  }
  if (ctx.args.bool("json")) ctx.stdout(json(outs));
  else {
    ctx.stdout(`Current stack outputs (${Object.keys(outs).length}):\n    OUTPUT  VALUE\n`);
    for (const [k, v] of Object.entries(outs))
      ctx.stdout(`    ${k}  ${typeof v === "string" ? v : JSON.stringify(v)}\n`);
  }
  return 0;
}

/** `stack history --json [--show-secrets] [--page-size n --page p]`. */
export function stackHistory(ctx: Context): number {
  const name = ctx.stackName();
  const show = ctx.args.bool("show-secrets");
  let records = ctx.backend.history(name);
  const size = Number(ctx.args.value("page-size") ?? 0);
  if (size > 0) {
    const page = Math.max(1, Number(ctx.args.value("page") ?? 1));
    records = records.slice((page - 1) * size, page * size);
  }
  const crypter = show && records.length > 0 ? ctx.crypter(name) : undefined;
  const out = records.map((r) => {
    const config: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.config ?? {})) config[k] = configJson(v, crypter, show);
    const o: Record<string, unknown> = {
      version: r.version,
      kind: r.kind,
      startTime: new Date(r.startTime * 1000).toISOString(),
      message: r.message,
      environment: r.environment,
      config,
      result: r.result,
    };
    if (r.endTime !== undefined) o["endTime"] = new Date(r.endTime * 1000).toISOString();
    if (r.resourceChanges) o["resourceChanges"] = r.resourceChanges;
    return o;
  });
  if (ctx.args.bool("json")) ctx.stdout(json(out));
  else
    for (const o of out)
      ctx.stdout(`${String(o["kind"])} ${String(o["result"])} ${String(o["startTime"])}\n`);
  return 0;
}

/** `stack export [--show-secrets] [--file f]`. */
export function stackExport(ctx: Context): number {
  const name = ctx.stackName();
  const latest = ctx.backend.readDeployment(name);
  let deployment: DeploymentV3 = latest ?? {
    manifest: { time: "0001-01-01T00:00:00Z", magic: "", version: "" },
  };
  if (latest && ctx.args.bool("show-secrets")) {
    const crypter = ctx.crypter(name);
    deployment = mapDeploymentProps(latest, (p) => plaintextProps(decryptProps(p, crypter)));
  }
  const text = json({ version: 3, deployment } satisfies UntypedDeployment);
  const file = ctx.args.value("file");
  if (file) fs.writeFileSync(file, text);
  else ctx.stdout(text);
  return 0;
}

/** `stack import --file f [--force]`: replaces the checkpoint (pending operations are dropped). */
export function stackImport(ctx: Context): number {
  const name = ctx.stackName();
  const file = ctx.args.value("file");
  const text = file ? fs.readFileSync(file, "utf8") : fs.readFileSync(0, "utf8");
  const untyped = JSON.parse(text) as UntypedDeployment;
  if (untyped.version !== 3 || !untyped.deployment) {
    throw new CliError(
      `could not import deployment: unsupported deployment version ${String(untyped.version)}`,
    );
  }
  const crypter = ctx.crypter(name, true);
  const salt = untyped.deployment.secrets_providers?.state?.salt;
  const source = salt && salt !== ctx.salt(name) ? Crypter.fromSalt(salt, ctx.passphrase()) : crypter;
  const incoming = mapDeploymentProps(untyped.deployment, (p) => decryptProps(p, source));
  for (const op of incoming.pending_operations ?? []) {
    ctx.stderr(`warning: removing pending operation '${op.type}' on '${op.resource.urn}' from snapshot\n`);
  }
  const problem = verifyIntegrity(incoming.resources ?? []);
  if (problem && !ctx.args.bool("force")) throw new CliError(`could not import deployment: ${problem}`);
  const lock = acquireLock(ctx.backend, name);
  try {
    const out: DeploymentV3 = {
      manifest: manifest(doubleVersion(ctx.env).slice(1)),
      secrets_providers: { type: "passphrase", state: { salt: ctx.salt(name) } },
      resources: (incoming.resources ?? []).map((r) => ({
        ...r,
        inputs: encryptProps(r.inputs ?? {}, crypter),
        outputs: encryptProps(r.outputs ?? {}, crypter),
      })),
    };
    ctx.backend.writeDeployment(name, out);
  } finally {
    lock.release();
  }
  ctx.stdout("Import complete.\n");
  return 0;
}

/** `stack tag get|set|rm|ls`. */
export function stackTag(ctx: Context, sub: "get" | "set" | "rm" | "ls"): number {
  const name = ctx.stackName();
  const tags = ctx.backend.readTags(name);
  const builtin: Record<string, string> = {
    "pulumi:project": ctx.project.name,
    "pulumi:runtime":
      typeof ctx.project.runtime === "string" ? ctx.project.runtime : ctx.project.runtime.name,
  };
  const [key, value] = ctx.args.positionals;
  if (sub === "ls") {
    const all = { ...builtin, ...tags };
    if (ctx.args.bool("json")) ctx.stdout(json(all));
    else for (const [k, v] of Object.entries(all)) ctx.stdout(`${k}  ${v}\n`);
    return 0;
  }
  if (!key) throw new CliError("a tag name is required");
  if (sub === "get") {
    const v = tags[key] ?? builtin[key];
    if (v === undefined) throw new CliError(`stack tag '${key}' not found for stack '${name}'`);
    ctx.stdout(`${v}\n`);
  } else if (sub === "set") {
    if (value === undefined) throw new CliError("a tag value is required");
    ctx.backend.writeTags(name, { ...tags, [key]: value });
  } else {
    delete tags[key];
    ctx.backend.writeTags(name, tags);
  }
  return 0;
}
