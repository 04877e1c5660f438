#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExitCode = void 0;
exports.buildCli = buildCli;
exports.main = main;
const commander_1 = require("commander");
const config_1 = require("../programs/config");
const errors_1 = require("../components/shared/errors");
const commands_1 = require("./commands");
const exit_codes_1 = require("./exit-codes");
var exit_codes_2 = require("./exit-codes");
Object.defineProperty(exports, "ExitCode", { enumerable: true, get: function () { return exit_codes_2.ExitCode; } });
/**
 * Builds the `platform` command (exported so tests can run it in-process).
 *
 * @example
 * ```ts
 * await buildCli().parseAsync(["node", "platform", "synth", "--env", "dev", "--json"]);
 * ```
 */
function buildCli() {
    const program = new commander_1.Command("platform")
        .description("Deploy, preview and review the application platform (Pulumi + GCP)")
        .showHelpAfterError()
        .exitOverride();
    for (const register of commands_1.COMMANDS)
        register(program);
    return program;
}
/** Runs the CLI and returns the exit code; config and usage errors print their message only. */
async function main(argv) {
    try {
        await buildCli().parseAsync([...argv]);
        return process.exitCode === undefined ? exit_codes_1.ExitCode.ok : Number(process.exitCode);
    }
    catch (e) {
        if (e instanceof commander_1.CommanderError) {
            return e.code === "commander.helpDisplayed" ||
                e.code === "commander.version" ||
                e.code === "commander.help"
                ? exit_codes_1.ExitCode.ok
                : exit_codes_1.ExitCode.usage;
        }
        if (e instanceof config_1.ConfigError || e instanceof errors_1.PlatformError) {
            process.stderr.write(`${e.message}\n`);
            return exit_codes_1.ExitCode.usage;
        }
        process.stderr.write(`${e.stack ?? String(e)}\n`);
        return exit_codes_1.ExitCode.failed;
    }
}
if (require.main === module) {
    void main(process.argv).then((code) => {
        process.exitCode = code;
    });
}
//# sourceMappingURL=cli.js.map