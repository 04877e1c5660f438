/**
 * Small commands: version, whoami, cancel, about, login/logout, org, plugin, install.
 */
import * as os from "node:os";
import type { Context } from "../context";
import { doubleVersion } from "../context";
import { CliError } from "../errors";
import { removeLocks, safeUsername } from "../locks";
import { backendUrl, writeCurrentBackend } from "../workspace";

/** `version`: the version string alone, as the Automation API parses it. */
export function version(ctx: Context): number {
  ctx.stdout(`${doubleVersion(ctx.env)}\n`);
  return 0;
}

/** `whoami [--json]`: on a DIY backend the OS user and the backend URL. */
export function whoami(ctx: Context): number {
  let url: string;
  try {
    url = ctx.backend.url;
  } catch {
    url = backendUrl(undefined, ctx.env);
  }
  const user = safeUsername();
  if (ctx.args.bool("json")) ctx.stdout(JSON.stringify({ user, organizations: [], url }, null, 4) + "\n");
  else if (ctx.args.bool("verbose")) ctx.stdout(`User: ${user}\nOrganizations: \nBackend URL: ${url}\n`);
  else ctx.stdout(`${user}\n`);
  return 0;
}

/** `cancel --yes [--stack s]`: on a DIY backend, deletes the stack's lock files. */
export function cancel(ctx: Context): number {
  const name = ctx.args.positionals[0] ?? undefined;
  const stack = name ? name.split("/").pop()! : ctx.stackName();
  ctx.backend.requireStack(stack);
  if (!ctx.args.bool("yes"))
    throw new CliError("--yes must be passed in to proceed when running in non-interactive mode");
  removeLocks(ctx.backend, stack);
  ctx.stdout(`The currently running update for '${stack}' has been canceled!\n`);
  return 0;
}

/** `about [--json]`: a minimal description of the environment. */
export function about(ctx: Context): number {
  const info = {
    cliVersion: doubleVersion(ctx.env),
    os: { platform: os.platform(), arch: os.arch() },
    runtime: { language: "nodejs", version: process.version },
    backend: { name: "pulumi-double", url: backendUrl(undefined, ctx.env), user: safeUsername() },
  };
  ctx.stdout(
    ctx.args.bool("json")
      ? JSON.stringify(info, null, 4) + "\n"
      : `CLI\nVersion      ${info.cliVersion} (pulumi-double)\n`,
  );
  return 0;
}

/** `login <file://url>` / `login --local`. */
export function login(ctx: Context): number {
  const url = ctx.args.bool("local") ? "file://~" : ctx.args.positionals[0];
  if (!url || !url.startsWith("file://")) {
    throw new CliError(
      "the Pulumi CLI double only supports `pulumi login file://<dir>` or `pulumi login --local`",
    );
  }
  writeCurrentBackend(url, ctx.env);
  ctx.stdout(`Logged in to ${os.hostname()} as ${safeUsername()} (${url})\n`);
  return 0;
}

/** `logout`. */
export function logout(ctx: Context): number {
  writeCurrentBackend(undefined, ctx.env);
  ctx.stdout("Logged out\n");
  return 0;
}

/** `org get-default` / `org set-default`. */
export function org(ctx: Context, sub: "get" | "set"): number {
  if (sub === "set") throw new CliError("organizations are not supported by DIY backends");
  ctx.stdout("organization\n");
  return 0;
}

/** `plugin ls|install|rm` and `install`: plugins are built into the double. */
export function plugin(ctx: Context, sub: "ls" | "install" | "rm" | "project"): number {
  if (sub === "ls")
    ctx.stdout(ctx.args.bool("json") ? "[]\n" : "NAME  KIND  VERSION  SIZE  INSTALLED  LAST USED\n");
  return 0;
}
