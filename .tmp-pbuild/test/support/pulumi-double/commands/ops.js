"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runOperation = runOperation;
/**
 * `pulumi up | preview | refresh | destroy`: lock, event log, display, program run, steps, final
 * checkpoint, history, exit code. SIGINT cancels gracefully once and exits at once the second time.
 */
const config_1 = require("../config");
const context_1 = require("../context");
const display_1 = require("../display");
const engine_1 = require("../engine");
const errors_1 = require("../errors");
const events_1 = require("../events");
const locks_1 = require("../locks");
const monitor_1 = require("../monitor");
const program_1 = require("../program");
const props_1 = require("../props");
const state_1 = require("../state");
const IGNORED_FLAGS = ["policy-pack", "policy-pack-config", "plan", "save-plan", "attach-debugger", "import-file", "target-dependents", "exclude-dependents", "suppress-outputs", "suppress-progress", "show-sames", "show-replacement-steps", "show-reads", "tracing", "logflow", "logtostderr", "verbose", "debug", "exec-agent", "run-program", "clear-pending-creates", "skip-pending-creates", "refresh"];
/** A sleep that does not keep the process alive on its own. */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());
/** Decrypted runtime config: string values for the program, plaintext objects for the provider. */
function runtimeConfig(ctx, stack) {
    const raw = ctx.rawConfig(stack);
    const needsCrypter = Object.values(raw).some(config_1.hasSecure);
    const crypter = needsCrypter ? ctx.crypter(stack) : undefined;
    const config = {};
    const prelude = {};
    const provider = {};
    const secretKeys = [];
    for (const [k, v] of Object.entries(raw)) {
        const plain = (0, config_1.hasSecure)(v) ? (0, config_1.decryptConfig)(v, crypter) : v;
        config[k] = (0, config_1.configString)(plain);
        provider[k] = plain;
        prelude[k] = (0, config_1.configString)((0, config_1.blindConfig)(v));
        if ((0, config_1.hasSecure)(v))
            secretKeys.push(k);
    }
    return { config, prelude, provider, secretKeys };
}
/** Runs one operation; returns the exit code. */
async function runOperation(ctx, kind) {
    const a = ctx.args;
    const dryRun = kind === "preview" || a.bool("preview-only");
    if (!dryRun && !a.bool("yes") && !a.bool("skip-preview")) {
        throw new errors_1.CliError("--yes or --skip-preview must be passed in to proceed when running in non-interactive mode");
    }
    if (a.has("remote"))
        throw new errors_1.CliError("the Pulumi CLI double does not support --remote operations");
    for (const f of IGNORED_FLAGS)
        if (a.has(f))
            ctx.stderr(`warning: pulumi-double accepts but ignores --${f}\n`);
    const stack = ctx.stackName();
    const backend = ctx.backend;
    const crypter = ctx.crypter(stack, true);
    const rc = runtimeConfig(ctx, stack);
    const latest = backend.readDeployment(stack);
    const decrypted = latest ? (0, state_1.mapDeploymentProps)(latest, (p) => (0, state_1.decryptProps)(p, crypter)) : undefined;
    const olds = decrypted?.resources ?? [];
    const pendingOps = decrypted?.pending_operations ?? [];
    const lock = dryRun ? undefined : (0, locks_1.acquireLock)(backend, stack);
    const started = Date.now();
    const events = events_1.EventSink.open(a.value("event-log"));
    const display = new display_1.Display(ctx.stdout, {
        kind,
        dryRun,
        stack,
        json: kind === "preview" && a.bool("json"),
        diff: a.bool("diff"),
        showSames: a.bool("show-sames"),
    });
    const version = (0, context_1.doubleVersion)(ctx.env).slice(1);
    const salt = ctx.salt(stack);
    const persist = (resources, pending) => {
        const d = {
            manifest: (0, state_1.manifest)(version),
            secrets_providers: { type: "passphrase", state: { salt } },
            resources: resources.map((r) => ({ ...r, inputs: (0, props_1.sortKeys)((0, state_1.encryptProps)(r.inputs ?? {}, crypter)), outputs: (0, props_1.sortKeys)((0, state_1.encryptProps)(r.outputs ?? {}, crypter)) })),
        };
        if (pending.length > 0) {
            d.pending_operations = pending.map((o) => ({ type: o.type, resource: { ...o.resource, inputs: (0, state_1.encryptProps)(o.resource.inputs ?? {}, crypter), outputs: (0, state_1.encryptProps)(o.resource.outputs ?? {}, crypter) } }));
        }
        backend.writeDeployment(stack, d);
    };
    const dep = new engine_1.Deployment({
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
        faults: (0, engine_1.faultsFromEnv)(ctx.env),
    });
    let sigints = 0;
    let onCancel;
    const canceledP = new Promise((r) => (onCancel = r));
    const sigint = () => {
        sigints++;
        if (sigints === 1) {
            ctx.stdout("^C received; cancelling. If you would like to terminate immediately, press ^C again.\n");
            dep.canceled = true;
            dep.stopping = true;
            onCancel();
        }
        else {
            ctx.stdout("^C received; terminating\n");
            process.exit(255);
        }
    };
    process.on("SIGINT", sigint);
    display.header();
    events.emit({ preludeEvent: { config: (0, props_1.sortKeys)(rc.prelude) } });
    if (pendingOps.length > 0 && kind !== "destroy") {
        const list = pendingOps.map((o) => `  * ${o.resource.urn}, interrupted while ${o.type}`).join("\n");
        dep.diag("warning", `Attempting to deploy or update resources with ${pendingOps.length} pending operations from previous deployment.\n${list}\n` +
            "These resources are in an unknown state because the Pulumi CLI was interrupted while waiting for changes to " +
            "these resources to complete. You should confirm whether or not the operations listed completed successfully " +
            "by checking the state of the appropriate provider.");
    }
    let programError;
    let monitor;
    let program;
    try {
        if (kind === "update" || kind === "preview") {
            monitor = await (0, monitor_1.startMonitor)({
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
                onOutput: (line) => dep.diag("info", line, dep.rootUrn || undefined),
            };
            const client = a.value("client");
            program = client ? (0, program_1.runInline)(client, info) : (0, program_1.runLocal)(info);
            // After a failure or a cancel, the program is given a short grace period to wind down.
            let programDone = false;
            const finished = program.done.then((e) => {
                programDone = true;
                return e;
            });
            const stopped = (async () => {
                while (!dep.stopping && !programDone)
                    await Promise.race([sleep(50), canceledP]);
                if (programDone)
                    return undefined;
                await dep.drain();
                await Promise.race([sleep(3000), finished]);
                return "__stopped__";
            })();
            const outcome = await Promise.race([finished, stopped]);
            if (outcome === "__stopped__")
                program.kill();
            else
                programError = outcome;
            await dep.drain();
            if (programError && !dep.stopping) {
                dep.diag("error", `an unhandled error occurred: ${programError}`, dep.rootUrn || undefined);
            }
            if (!dep.failed && !dep.canceled && !programError)
                await dep.deleteRemoved();
        }
        else if (kind === "refresh") {
            await dep.refreshAll();
        }
        else {
            await dep.destroyAll();
        }
    }
    finally {
        monitor?.close();
        process.off("SIGINT", sigint);
    }
    const failed = dep.failed || dep.canceled || programError !== undefined;
    let result = failed ? "failed" : "succeeded";
    let finalError;
    const changed = Object.entries(dep.changes).some(([op, n]) => op !== "same" && n > 0);
    if (!failed && a.bool("expect-no-changes") && changed) {
        result = "failed";
        finalError = dryRun ? "no changes were expected but changes were proposed" : "no changes were expected but changes occurred";
        events.emit((0, events_1.diagnosticEvent)("error", finalError));
        display.diagnostic("error", finalError);
    }
    else if (dep.canceled || failed) {
        finalError = `${kind} ${dep.canceled ? "canceled" : "failed"}`;
        events.emit((0, events_1.diagnosticEvent)("error", finalError));
        display.diagnostic("error", finalError);
    }
    if (!dryRun)
        persist(dep.snapshot(), []);
    const seconds = (Date.now() - started) / 1000;
    events.emit({
        summaryEvent: {
            maybeCorrupt: false,
            durationSeconds: Math.round(seconds),
            resourceChanges: (0, props_1.sortKeys)(dep.changes),
            PolicyPacks: {},
            isPreview: dryRun,
            result,
        },
    });
    events.emit({ cancelEvent: {} });
    await events.close();
    display.footer({ outputs: dep.stackOutputs(), changes: dep.changes, seconds, config: rc.prelude, rootUrn: dep.rootUrn });
    if (!dryRun) {
        backend.addHistory(stack, {
            kind,
            startTime: Math.floor(started / 1000),
            endTime: Math.floor(Date.now() / 1000),
            message: a.value("message") ?? "",
            environment: {
                "exec.kind": a.value("exec-kind") ?? "cli",
                "pulumi.version": `v${version}`,
                ...(a.value("exec-agent") ? { "exec.agent": a.value("exec-agent") } : {}),
            },
            config: ctx.readSettings(stack).config ?? {},
            result,
            resourceChanges: dep.changes,
        });
    }
    lock?.release();
    if (kind === "destroy" && !dryRun && result === "succeeded" && a.bool("remove")) {
        backend.removeStack(stack);
        if (!a.bool("preserve-config")) {
            const fs = await import("node:fs");
            fs.rmSync(ctx.settingsPath(stack), { force: true });
        }
        ctx.stdout(`The resources in the stack have been deleted, and the history and configuration removed.\n`);
    }
    if (finalError)
        throw new errors_1.ReportedError(finalError);
    return 0;
}
//# sourceMappingURL=ops.js.map