/**
 * Command-line parsing with the real CLI's (cobra's) conventions: flags anywhere, `--flag value`
 * and `--flag=value`, repeatable flags, `--` ending flag parsing, short aliases.
 */
import { CliError } from "./errors";

/** Every command path the double knows, longest first when matching. */
export const COMMANDS = [
  "version",
  "about",
  "whoami",
  "cancel",
  "up",
  "update",
  "preview",
  "refresh",
  "destroy",
  "import",
  "install",
  "login",
  "logout",
  "stack",
  "stack init",
  "stack select",
  "stack ls",
  "stack rm",
  "stack output",
  "stack history",
  "stack export",
  "stack import",
  "stack tag get",
  "stack tag set",
  "stack tag rm",
  "stack tag ls",
  "config",
  "config get",
  "config set",
  "config set-all",
  "config rm",
  "config rm-all",
  "config refresh",
  "config env add",
  "config env ls",
  "config env rm",
  "plugin ls",
  "plugin install",
  "plugin rm",
  "org get-default",
  "org set-default",
] as const;

const VALUE_FLAGS = new Set([
  "stack",
  "client",
  "exec-kind",
  "exec-agent",
  "event-log",
  "target",
  "replace",
  "exclude",
  "parallel",
  "message",
  "color",
  "config-file",
  "secrets-provider",
  "file",
  "page-size",
  "page",
  "policy-pack",
  "policy-pack-config",
  "plan",
  "save-plan",
  "import-file",
  "tracing",
  "tracing-header",
  "verbose",
  "cwd",
  "otel-traces",
  "profiling",
  "memprofilerate",
  "remote-git-repo-dir",
  "remote-git-branch",
  "remote-git-commit",
  "remote-git-auth-access-token",
  "remote-git-auth-ssh-private-key",
  "remote-git-auth-ssh-private-key-path",
  "remote-git-auth-password",
  "remote-git-auth-username",
  "remote-env",
  "remote-env-secret",
  "remote-pre-run-command",
  "remote-executor-image",
  "type",
  "out",
  "from",
  "server",
]);

/** Boolean flags the double knows (accepted even when they have no effect). */
const BOOL_FLAGS = new Set([
  "non-interactive",
  "yes",
  "skip-preview",
  "json",
  "show-secrets",
  "secret",
  "plaintext",
  "path",
  "force",
  "preserve-config",
  "no-select",
  "create",
  "diff",
  "refresh",
  "expect-no-changes",
  "preview-only",
  "remove",
  "exclude-protected",
  "continue-on-error",
  "target-dependents",
  "exclude-dependents",
  "show-sames",
  "show-replacement-steps",
  "show-reads",
  "show-config",
  "suppress-outputs",
  "suppress-progress",
  "suppress-permalink",
  "logflow",
  "logtostderr",
  "debug",
  "disable-integrity-checking",
  "fully-qualify-stack-names",
  "attach-debugger",
  "run-program",
  "clear-pending-creates",
  "skip-pending-creates",
  "local",
  "all",
  "remote",
  "remote-skip-install-dependencies",
  "remote-inherit-settings",
  "emoji",
  "no-plugins",
  "no-dependencies",
  "reinstall",
  "use-language-version-tools",
  "generate-code",
  "protect",
]);

/** True for a flag name the double recognizes. */
export function isKnownFlag(name: string): boolean {
  return VALUE_FLAGS.has(name) || BOOL_FLAGS.has(name);
}

/** Flags whose meaning depends on the command: in `config set-all` they carry values. */
const COMMAND_VALUE_FLAGS: Record<string, readonly string[]> = {
  "config set-all": ["json", "plaintext", "secret"],
};

const SHORT: Record<string, string> = {
  s: "stack",
  y: "yes",
  f: "force",
  j: "json",
  p: "parallel",
  m: "message",
  t: "target",
  v: "verbose",
  C: "cwd",
  r: "refresh",
  d: "diff",
};

/** A parsed command line. */
export class ParsedArgs {
  constructor(
    /** The matched command path, e.g. `stack init`. */
    readonly command: string,
    /** Positional arguments after the command path. */
    readonly positionals: string[],
    private readonly flags: Map<string, string[]>,
  ) {}

  /** True when a boolean flag is present and not `=false`. */
  bool(name: string): boolean {
    const v = this.flags.get(name);
    return v !== undefined && v[v.length - 1] !== "false";
  }

  /** The last value of a flag. */
  value(name: string): string | undefined {
    const v = this.flags.get(name);
    return v?.[v.length - 1];
  }

  /** All values of a repeatable flag. */
  values(name: string): string[] {
    return this.flags.get(name) ?? [];
  }

  /** True when the flag was given at all. */
  has(name: string): boolean {
    return this.flags.has(name);
  }

  /** Flag names given (for warnings about accepted-but-ignored flags). */
  names(): string[] {
    return [...this.flags.keys()];
  }
}

function splitFlag(tok: string): { name: string; inline?: string } {
  const body = tok.startsWith("--") ? tok.slice(2) : tok.slice(1);
  const eq = body.indexOf("=");
  const raw = eq >= 0 ? body.slice(0, eq) : body;
  const name = tok.startsWith("--") ? raw : (SHORT[raw] ?? raw);
  return eq >= 0 ? { name, inline: body.slice(eq + 1) } : { name };
}

function tokenize(argv: readonly string[], valueFlags: ReadonlySet<string>) {
  const words: string[] = [];
  const flags = new Map<string, string[]>();
  let afterDashDash = false;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    if (afterDashDash) {
      words.push(tok);
      continue;
    }
    if (tok === "--") {
      afterDashDash = true;
      continue;
    }
    if (tok.startsWith("-") && tok.length > 1 && !/^-\d/.test(tok)) {
      const { name, inline } = splitFlag(tok);
      let value = inline;
      if (value === undefined && valueFlags.has(name)) {
        if (i + 1 >= argv.length) throw new CliError(`flag needs an argument: --${name}`);
        value = argv[++i]!;
      }
      const list = flags.get(name) ?? [];
      list.push(value ?? "true");
      flags.set(name, list);
      continue;
    }
    words.push(tok);
  }
  return { words, flags };
}

/** Parses the CLI's argv (without `node main.js`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  // The Automation API appends `--non-interactive` after a `--` separator when the command ends
  // with positional arguments; the real CLI treats that as a flag too, so drop it here.
  const args = [...argv];
  const dd = args.indexOf("--");
  if (dd >= 0 && args[args.length - 1] === "--non-interactive" && args.length - 1 > dd) args.pop();

  const first = tokenize(args, VALUE_FLAGS);
  const command = matchCommand(first.words);
  const extra = COMMAND_VALUE_FLAGS[command];
  const parsed = extra ? tokenize(args, new Set([...VALUE_FLAGS, ...extra])) : first;
  const depth = command === "" ? 0 : command.split(" ").length;
  return new ParsedArgs(command, parsed.words.slice(depth), parsed.flags);
}

function matchCommand(words: readonly string[]): string {
  let best = "";
  for (const c of COMMANDS) {
    const parts = c.split(" ");
    if (parts.every((p, i) => words[i] === p) && c.length > best.length) best = c;
  }
  if (best === "" && words.length > 0) throw new CliError(`unknown command "${words[0]}" for "pulumi"`);
  return best;
}
