/**
 * The CLI's stdout while an operation runs: a non-interactive progress log in the shape of the real
 * display (`Updating (dev):`, one line per step start and finish, Diagnostics, Outputs, Resources,
 * Duration), or with `preview --json` one `PreviewDigest` printed at the end.
 */
import type { Op } from "./events";
import { blindToText, UNKNOWN, type Props } from "./props";
import type { ResourceState } from "./state";

/** The operation being displayed. */
export type OperationKind = "update" | "preview" | "refresh" | "destroy";

const SYMBOL: Record<Op, string> = {
  same: " ",
  create: "+",
  update: "~",
  delete: "-",
  replace: "+-",
  "create-replacement": "++",
  "delete-replaced": "--",
  read: ">",
  refresh: "~",
  import: "=",
};
const VERBS: Record<Op, [string, string, string]> = {
  same: ["", "", ""],
  create: ["creating", "created", "create"],
  update: ["updating", "updated", "update"],
  delete: ["deleting", "deleted", "delete"],
  replace: ["replacing", "replaced", "replace"],
  "create-replacement": ["creating replacement", "created replacement", "create replacement"],
  "delete-replaced": ["deleting original", "deleted original", "delete original"],
  read: ["reading", "read", "read"],
  refresh: ["refreshing", "refreshed", "refresh"],
  import: ["importing", "imported", "import"],
};

/** `random:index/randomString:RandomString` → `random:index:RandomString`, as the display shows types. */
export function displayType(type: string): string {
  const parts = type.split(":");
  if (parts.length !== 3) return type;
  const [pkg, mod, name] = parts as [string, string, string];
  const slash = mod.lastIndexOf("/");
  if (slash >= 0 && mod.slice(slash + 1).toLowerCase() === name.toLowerCase()) {
    return `${pkg}:${mod.slice(0, slash)}:${name}`;
  }
  return type;
}

function urnName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

function urnType(urn: string): string {
  return (urn.split("::")[2] ?? "").split("$").pop() ?? "";
}

/** One step of a `preview --json` digest. */
export interface DigestStep {
  op: Op;
  urn: string;
  provider?: string;
  oldState?: ResourceState;
  newState?: ResourceState;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff: Record<string, { kind: string; inputDiff: boolean }> | null;
}

function fmtValue(v: unknown, indent: string): string {
  if (v === UNKNOWN) return "output<string>";
  if (typeof v === "string") return v === "[secret]" ? v : JSON.stringify(v);
  const json = JSON.stringify(v, null, 4);
  return json.split("\n").join(`\n${indent}`);
}

/** Renders progress and the final summary of one operation. */
export class Display {
  private readonly diags: { severity: string; urn?: string; message: string }[] = [];
  private readonly steps: DigestStep[] = [];

  constructor(
    private readonly out: (text: string) => void,
    private readonly opts: {
      kind: OperationKind;
      dryRun: boolean;
      stack: string;
      json: boolean;
      diff: boolean;
      showSames?: boolean;
    },
  ) {}

  /** `Updating (dev):` and friends. */
  header(): void {
    if (this.opts.json) return;
    const { kind, dryRun, stack } = this.opts;
    const title =
      kind === "preview"
        ? "Previewing update"
        : dryRun
          ? `Previewing ${kind}`
          : { update: "Updating", refresh: "Refreshing", destroy: "Destroying", preview: "" }[kind];
    this.out(`${title} (${stack}):\n\n`);
  }

  /** A step started (or, in a preview, was planned). */
  stepStart(
    op: Op,
    urn: string,
    diff?: { keys: string[]; diffs: string[]; olds?: Props; news?: Props },
  ): void {
    if (this.opts.json || op === "same") return;
    if (this.opts.dryRun && (op === "create-replacement" || op === "delete-replaced")) return;
    const [ing, , plan] = VERBS[op];
    const line = `${SYMBOL[op].padEnd(2)} ${displayType(urnType(urn))} ${urnName(urn)} ${this.opts.dryRun ? plan : `${ing} (0s)`} `;
    this.out(` ${line}\n`);
    if (this.opts.diff && diff && diff.diffs.length > 0) {
      for (const k of diff.diffs) {
        const o = diff.olds?.[k];
        const n = diff.news?.[k];
        const mark = diff.keys.includes(k) ? "+-" : o === undefined ? "+ " : n === undefined ? "- " : "~ ";
        const show = (v: unknown) => (v === undefined ? "" : fmtValue(blindToText(v), "      "));
        this.out(
          `    ${mark}${k}: ${o === undefined ? show(n) : n === undefined ? show(o) : `${show(o)} => ${show(n)}`}\n`,
        );
      }
    }
  }

  /** A step finished. */
  stepDone(op: Op, urn: string, seconds: number, failed = false): void {
    if (this.opts.json || op === "same" || this.opts.dryRun) return;
    const [ing, done] = VERBS[op];
    const status = failed ? `**${ing} failed**` : done;
    this.out(
      ` ${SYMBOL[op].padEnd(2)} ${displayType(urnType(urn))} ${urnName(urn)} ${status} (${seconds.toFixed(2)}s) \n`,
    );
  }

  /** Records a step for `preview --json`. */
  recordStep(step: DigestStep): void {
    this.steps.push(step);
  }

  /** Records a diagnostic for the Diagnostics section. */
  diagnostic(severity: string, message: string, urn?: string): void {
    this.diags.push({ severity, message, urn });
  }

  /** Prints Diagnostics, Outputs, Resources and Duration (or the preview digest). */
  footer(args: {
    outputs?: Props;
    oldOutputs?: Props;
    changes: Record<string, number>;
    seconds: number;
    config: Record<string, string>;
    rootUrn?: string;
  }): void {
    if (this.opts.json) {
      this.printDigest(args);
      return;
    }
    const { kind, dryRun, stack } = this.opts;
    if (this.diags.length > 0) {
      this.out("Diagnostics:\n");
      const groups = new Map<string, string[]>();
      for (const d of this.diags) {
        const urn = d.urn ?? args.rootUrn ?? "";
        const head = urn ? `${displayType(urnType(urn))} (${urnName(urn)})` : "pulumi:pulumi:Stack";
        const lines = groups.get(head) ?? [];
        const prefix = d.severity === "info" ? "" : `${d.severity}: `;
        lines.push(`    ${prefix}${d.message.replace(/\n$/, "").split("\n").join("\n    ")}`);
        groups.set(head, lines);
      }
      for (const [head, lines] of groups) this.out(`  ${head}:\n${lines.join("\n")}\n\n`);
    }
    const outs = args.outputs;
    if (outs && Object.keys(outs).length > 0 && kind !== "destroy") {
      this.out("Outputs:\n");
      const keys = Object.keys(outs).sort();
      const width = Math.max(...keys.map((k) => k.length));
      for (const k of keys) {
        this.out(`    ${k.padEnd(width)}: ${fmtValue(blindToText(outs[k]), "    ")}\n`);
      }
      this.out("\n");
    }
    this.out("Resources:\n");
    const past: Record<string, string> = {
      create: "created",
      update: "updated",
      delete: "deleted",
      replace: "replaced",
      read: "read",
      import: "imported",
    };
    const sym: Record<string, string> = {
      create: "+ ",
      update: "~ ",
      delete: "- ",
      replace: "+-",
      read: "> ",
      import: "= ",
    };
    let changes = 0;
    for (const op of ["create", "update", "delete", "replace", "read", "import"]) {
      const n = args.changes[op] ?? 0;
      if (n === 0) continue;
      changes += n;
      this.out(`    ${sym[op]}${n} ${dryRun || kind === "preview" ? `to ${op}` : past[op]}\n`);
    }
    const same = args.changes["same"] ?? 0;
    const kinds = ["create", "update", "delete", "replace", "read", "import"].filter(
      (o) => (args.changes[o] ?? 0) > 0,
    );
    if (kinds.length > 1) this.out(`    ${changes} changes${same > 0 ? `. ${same} unchanged` : ""}\n`);
    else if (same > 0) this.out(`    ${same} unchanged\n`);
    if (!dryRun && kind !== "preview") this.out(`\nDuration: ${Math.max(1, Math.round(args.seconds))}s\n`);
    this.out("\n");
    if (kind === "destroy" && !dryRun && this.diags.every((d) => d.severity !== "error")) {
      this.out(
        "The resources in the stack have been deleted, but the history and configuration associated with the stack are still maintained. \n" +
          `If you want to remove the stack completely, run \`pulumi stack rm ${stack}\`.\n`,
      );
    }
  }

  private printDigest(args: {
    changes: Record<string, number>;
    seconds: number;
    config: Record<string, string>;
  }) {
    const steps = this.steps
      .filter((s) => this.opts.showSames || s.op !== "same" || s.newState?.type === "pulumi:pulumi:Stack")
      .filter((s) => s.op !== "create-replacement" && s.op !== "delete-replaced")
      .map((s) => {
        const step: Record<string, unknown> = { op: s.op, urn: s.urn };
        if (s.provider) step["provider"] = s.provider;
        if (s.oldState) step["oldState"] = blindToText(s.oldState);
        if (s.newState) step["newState"] = blindToText(s.newState);
        if (s.diffReasons?.length) step["diffReasons"] = s.diffReasons;
        if (s.replaceReasons?.length) step["replaceReasons"] = s.replaceReasons;
        step["detailedDiff"] = s.detailedDiff;
        return step;
      });
    const digest: Record<string, unknown> = { config: args.config, steps };
    if (this.diags.length > 0) {
      digest["diagnostics"] = this.diags.map((d) => ({
        ...(d.urn ? { urn: d.urn } : {}),
        prefix: `${d.severity}: `,
        message: d.message,
        severity: d.severity,
      }));
    }
    digest["duration"] = Math.round(args.seconds * 1e9);
    digest["changeSummary"] = args.changes;
    this.out(JSON.stringify(digest, null, 4) + "\n");
  }
}
