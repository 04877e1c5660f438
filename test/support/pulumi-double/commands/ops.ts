/**
 * `pulumi up | preview | refresh | destroy`: lock, event log, display, program run, steps, final
 * checkpoint, history, exit code. SIGINT cancels gracefully once and exits at once the second time.
 */
import * as fs from "node:fs";
import { configString, decryptConfig, hasSecure, blindConfig } from "../config";
import type { Context } from "../context";
import { doubleVersion } from "../context";
import { Display, type OperationKind } from "../display";
import { Deployment, faultsFromEnv } from "../engine";
import { CliError, ReportedError } from "../errors";
import { EventSink, diagnosticEvent } from "../events";
import { acquireLock, type Lock } from "../locks";
import { startMonitor, type MonitorServer } from "../monitor";
import { runInline, runLocal, type ProgramRun } from "../program";
import { sortKeys, type Props } from "../props";
import { trace } from "../trace";
import {
  decryptProps,
  encryptProps,
  manifest,
  mapDeploymentProps,
  type DeploymentV3,
  type PendingOperation,
  type ResourceState,
} from "../state";

const IGNORED_FLAGS = [
  "policy-pack",
  "policy-pack-config",
  "plan",
  "save-plan",
  "attach-debugger",
  "import-file",
  "target-dependents",
  "exclude-dependents",
  "suppress-outputs",
  "suppress-progress",
  "show-sames",
  "show-replacement-steps",
  "show-reads",
  "tracing",
  "logflow",
  "logtostderr",
  "verbose",
  "debug",
  "run-program",
  "clear-pending-creates",
  "skip-pending-creates",
];

/** A sleep that does not keep the process alive on its own. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/** Decrypted runtime config: string values for the program, plaintext objects for the provider. */
function runtimeConfig(ctx: Context, stack: string) {
  const raw = ctx.rawConfig(stack);
  const needsCrypter = Object.values(raw).some(hasSecure);
  const crypter = needsCrypter ? ctx.crypter(stack) : undefined;
  const config: Record<string, string> = {};
  const prelude: Record<string, string> = {};
  const provider: Props = {};
  const secretKeys: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    const plain = hasSecure(v) ? decryptConfig(v, crypter!) : v;
    config[k] = configString(plain);
    provider[k] = plain;
    prelude[k] = configString(blindConfig(v));
    if (hasSecure(v)) secretKeys.push(k);
  }
  return { config, prelude, provider, secretKeys };
}

/** Runs one operation; returns the exit code. */
export async function runOperation(ctx: Context, kind: OperationKind): Promise<number> {
  const a = ctx.args;
  const dryRun = kind === "preview" || a.bool("preview-only");
  if (!dryRun && !a.bool("yes") && !a.bool("skip-preview")) {
    throw new CliError(
      "--yes or --skip-preview must be passed in to proceed when running in non-interactive mode",
    );
  }
  if (a.has("remote")) throw new CliError("the Pulumi CLI double does not support --remote operations");
  for (const f of IGNORED_FLAGS)
    if (a.has(f)) ctx.stderr(`warning: pulumi-double accepts but ignores --${f}\n`);

  const stack = ctx.stackName();
  const backend = ctx.backend;
  const crypter = ctx.crypter(stack, true);
  const rc = runtimeConfig(ctx, stack);
  const latest = backend.readDeployment(stack);
  const decrypted = latest ? mapDeploymentProps(latest, (p) => decryptProps(p, crypter)) : undefined;
  const olds: ResourceState[] = decrypted?.resources ?? [];
  const pendingOps: PendingOperation[] = decrypted?.pending_operations ?? [];

  const lock: Lock | undefined = dryRun ? undefined : acquireLock(backend, stack);
  try {
    const started = Date.now();
    const events = EventSink.open(a.value("event-log"));
    const display = new Display(ctx.stdout, {
      kind,
      dryRun,
      stack,
      json: kind === "preview" && a.bool("json"),
      diff: a.bool("diff"),
      showSames: a.bool("show-sames"),
    });
    const version = doubleVersion(ctx.env).slice(1);
    const salt = ctx.salt(stack);
    // The snapshot is journaled after every step: each resource state is encrypted and turned into
    // JSON once per operation, not once per journal (a third of a platform-sized `up` before). An
    // unchanged secret so keeps its ciphertext within the operation, as with the real CLI's
    // caching secrets manager.
    const onDisk = new WeakMap<ResourceState, ResourceState>();
    const texts = new WeakMap<ResourceState, string>();
    const stored = (r: ResourceState): ResourceState => {
      let out = onDisk.get(r);
      if (out === undefined) {
        out = {
          ...r,
          inputs: sortKeys(encryptProps(r.inputs ?? {}, crypter)),
          outputs: sortKeys(encryptProps(r.outputs ?? {}, crypter)),
        };
        onDisk.set(r, out);
      }
      return out;
    };
    const persist = (resources: ResourceState[], pending: PendingOperation[]) => {
      const d: DeploymentV3 = {
        manifest: manifest(version),
        secrets_providers: { type: "passphrase", state: { salt } },
        resources: resources.map(stored),
      };
      if (pending.length > 0) {
        d.pending_operations = pending.map((o) => ({
          type: o.type,
          resource: {
            ...o.resource,
            inputs: encryptProps(o.resource.inputs ?? {}, crypter),
            outputs: encryptProps(o.resource.outputs ?? {}, crypter),
          },
        }));
      }
      backend.writeDeployment(stack, d, texts);
    };
    const faults = faultsFromEnv(ctx.env);
    const dep = new Deployment({
      kind,
      dryRun,
      project: ctx.project.name,
      stack,
      olds,
      pendingOperations: pendingOps,
      config: rc.provider,
      events,
      display,
      persist,
      parallel: Number(a.value("parallel") ?? 16) || 16,
      targets: a.values("target"),
      replaceTargets: a.values("replace"),
      excludes: a.values("exclude"),
      continueOnError: a.bool("continue-on-error"),
      excludeProtected: a.bool("exclude-protected"),
      faults,
    });

    let sigints = 0;
    let onCancel!: () => void;
    const canceledP = new Promise<void>((r) => (onCancel = r));
    const sigint = () => {
      sigints++;
      trace(faults.traceFile, stack, { event: "sigint", count: sigints });
      if (sigints === 1) {
        ctx.stdout("^C received; cancelling. If you would like to terminate immediately, press ^C again.\n");
        dep.canceled = true;
        dep.stopping = true;
        onCancel();
      } else {
        ctx.stdout("^C received; terminating\n");
        process.exit(255);
      }
    };
    process.on("SIGINT", sigint);

    display.header();
    events.emit({ preludeEvent: { config: sortKeys(rc.prelude) } });
    if (pendingOps.length > 0 && kind !== "destroy") {
      const list = pendingOps.map((o) => `  * ${o.resource.urn}, interrupted while ${o.type}`).join("\n");
      dep.diag(
        "warning",
        `Attempting to deploy or update resources with ${pendingOps.length} pending operations from previous deployment.\n${list}\n` +
          "These resources are in an unknown state because the Pulumi CLI was interrupted while waiting for changes to " +
          "these resources to complete. You should confirm whether or not the operations listed completed successfully " +
          "by checking the state of the appropriate provider.",
      );
    }

    let programError: string | undefined;
    let monitor: MonitorServer | undefined;
    let program: ProgramRun | undefined;
    try {
      if ((kind === "update" || kind === "preview") && a.bool("refresh")) await dep.refreshQuietly();
      if ((kind === "update" || kind === "preview") && !dep.failed) {
        monitor = await startMonitor({
          deployment: dep,
          project: ctx.project.name,
          stack,
          dryRun,
          parallel: Number(a.value("parallel") ?? 16) || 16,
          config: rc.config,
          configSecretKeys: rc.secretKeys,
          providerConfig: rc.provider,
        });
        const info = {
          project: ctx.project,
          stack,
          monitorAddress: monitor.address,
          dryRun,
          parallel: Number(a.value("parallel") ?? 16) || 16,
          config: rc.config,
          configSecretKeys: rc.secretKeys,
          env: ctx.env,
          onOutput: (line: string) => dep.diag("info", line, dep.rootUrn || undefined),
        };
        const client = a.value("client");
        program = client ? runInline(client, info) : runLocal(info);
        const child = program;
        process.on("exit", () => child.kill());
        // After a failure or a cancel, the program is given a short grace period to wind down.
        let programDone = false;
        const finished = program.done.then((e) => {
          programDone = true;
          return e;
        });
        const stopped = (async () => {
          while (!dep.stopping && !programDone) await Promise.race([sleep(50), canceledP]);
          if (programDone) return undefined;
          await dep.drain();
          await Promise.race([sleep(faults.stopGraceMs), finished]);
          return "__stopped__";
        })();
        const outcome = await Promise.race([finished, stopped]);
        if (outcome === "__stopped__") program.kill();
        else programError = outcome;
        await dep.drain();
        if (programError && !dep.stopping) {
          dep.diag("error", `an unhandled error occurred: ${programError}`, dep.rootUrn || undefined);
        }
        if (!dep.failed && !dep.canceled && !programError) await dep.deleteRemoved();
      } else if (kind === "refresh") {
        await dep.refreshAll();
      } else if (kind === "destroy") {
        if (a.bool("refresh")) await dep.refreshQuietly();
        if (!dep.failed) await dep.destroyAll();
      }
    } finally {
      monitor?.close();
      process.off("SIGINT", sigint);
    }

    const failed = dep.failed || dep.canceled || programError !== undefined;
    let result: "succeeded" | "failed" = failed ? "failed" : "succeeded";
    let finalError: string | undefined;
    const changed = Object.entries(dep.changes).some(([op, n]) => op !== "same" && n > 0);
    if (!failed && a.bool("expect-no-changes") && changed) {
      result = "failed";
      finalError = dryRun
        ? "no changes were expected but changes were proposed"
        : "no changes were expected but changes occurred";
      events.emit(diagnosticEvent("error", finalError));
      display.diagnostic("error", finalError);
    } else if (dep.canceled || failed) {
      finalError = `${kind} ${dep.canceled ? "canceled" : "failed"}`;
      events.emit(diagnosticEvent("error", finalError));
      display.diagnostic("error", finalError);
    }

    if (!dryRun) persist(dep.snapshot(), []);
    const seconds = (Date.now() - started) / 1000;
    events.emit({
      summaryEvent: {
        maybeCorrupt: false,
        durationSeconds: Math.round(seconds),
        resourceChanges: sortKeys(dep.changes),
        PolicyPacks: {},
        isPreview: dryRun,
        result,
      },
    });
    events.emit({ cancelEvent: {} });
    await events.close();
    display.footer({
      outputs: dep.stackOutputs(),
      changes: dep.changes,
      seconds,
      config: rc.prelude,
      rootUrn: dep.rootUrn,
    });

    if (!dryRun) {
      backend.addHistory(stack, {
        kind,
        startTime: Math.floor(started / 1000),
        endTime: Math.floor(Date.now() / 1000),
        message: a.value("message") ?? "",
        environment: {
          "exec.kind": a.value("exec-kind") ?? "cli",
          "pulumi.version": `v${version}`,
          ...(a.value("exec-agent") ? { "exec.agent": a.value("exec-agent")! } : {}),
        },
        config: ctx.readSettings(stack).config ?? {},
        result,
        resourceChanges: dep.changes,
      });
    }
    if (kind === "destroy" && !dryRun && result === "succeeded" && a.bool("remove")) {
      backend.removeStack(stack);
      if (!a.bool("preserve-config")) {
        fs.rmSync(ctx.settingsPath(stack), { force: true });
      }
      ctx.stdout(
        `The resources in the stack have been deleted, and the history and configuration removed.\n`,
      );
    }
    if (finalError) throw new ReportedError(finalError);
    return 0;
  } finally {
    // Released on every normal or error exit; a crash or a second SIGINT leaves it behind.
    lock?.release();
  }
}
