/**
 * Entry point of the Pulumi CLI double (`<root>/bin/pulumi` execs `node main.js "$@"`).
 * Errors print as `error: <message>` on stderr with exit code 255, like the real CLI.
 */
import * as nodeModule from "node:module";
// The double starts once per CLI call (several per operation): cache compiled code on disk.
nodeModule.enableCompileCache?.();
import { isKnownFlag, parseArgs } from "./args";
import {
  configGet,
  configList,
  configRefresh,
  configRm,
  configRmAll,
  configSet,
  configSetAll,
} from "./commands/config";
import { about, cancel, login, logout, org, plugin, version, whoami } from "./commands/misc";
import type { OperationKind } from "./display";
import {
  stackExport,
  stackHistory,
  stackImport,
  stackInit,
  stackLs,
  stackOutput,
  stackRm,
  stackSelect,
  stackShow,
  stackTag,
} from "./commands/stack";
import { Context } from "./context";
import { CliError } from "./errors";

/** Operations load gRPC and the protobuf modules, so they are required only when needed. */
async function runOperation(ctx: Context, kind: OperationKind): Promise<number> {
  const ops = await import("./commands/ops.js");
  return ops.runOperation(ctx, kind);
}

const HANDLERS: Record<string, (ctx: Context) => number | Promise<number>> = {
  "": () => {
    throw new CliError(
      "no command given; the Pulumi CLI double implements a subset of `pulumi` (see its README)",
    );
  },
  version,
  about,
  whoami,
  cancel,
  login,
  logout,
  up: (c) => runOperation(c, "update"),
  update: (c) => runOperation(c, "update"),
  preview: (c) => runOperation(c, "preview"),
  refresh: (c) => runOperation(c, "refresh"),
  destroy: (c) => runOperation(c, "destroy"),
  import: () => {
    throw new CliError("`pulumi import` is not implemented by the Pulumi CLI double");
  },
  install: (c) => plugin(c, "project"),
  stack: stackShow,
  "stack init": stackInit,
  "stack select": stackSelect,
  "stack ls": stackLs,
  "stack rm": stackRm,
  "stack output": stackOutput,
  "stack history": stackHistory,
  "stack export": stackExport,
  "stack import": stackImport,
  "stack tag get": (c) => stackTag(c, "get"),
  "stack tag set": (c) => stackTag(c, "set"),
  "stack tag rm": (c) => stackTag(c, "rm"),
  "stack tag ls": (c) => stackTag(c, "ls"),
  config: configList,
  "config get": configGet,
  "config set": configSet,
  "config set-all": configSetAll,
  "config rm": configRm,
  "config rm-all": configRmAll,
  "config refresh": configRefresh,
  "config env add": unsupportedEsc,
  "config env ls": unsupportedEsc,
  "config env rm": unsupportedEsc,
  "plugin ls": (c) => plugin(c, "ls"),
  "plugin install": (c) => plugin(c, "install"),
  "plugin rm": (c) => plugin(c, "rm"),
  "org get-default": (c) => org(c, "get"),
  "org set-default": (c) => org(c, "set"),
};

function unsupportedEsc(): number {
  throw new CliError("Pulumi ESC environments are not supported by the Pulumi CLI double");
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const pending: Promise<void>[] = [];
  const out = (t: string) => void pending.push(write(process.stdout, t));
  const err = (t: string) => void pending.push(write(process.stderr, t));
  let code: number;
  try {
    const args = parseArgs(argv);
    const cwd = args.value("cwd") ?? process.cwd();
    const ctx = new Context(args, process.env, cwd, out, err);
    for (const f of args.names())
      if (!isKnownFlag(f)) err(`warning: pulumi-double does not know the flag --${f}; ignoring it\n`);
    code = await HANDLERS[args.command]!(ctx);
  } catch (e) {
    if (e instanceof CliError) {
      err(`error: ${e.message}\n`);
      code = e.exitCode;
    } else {
      err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      code = 255;
    }
  }
  await Promise.all(pending);
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`error: ${String(e)}\n`);
      process.exit(255);
    },
  );
}
