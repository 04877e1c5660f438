"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportedError = exports.CliError = void 0;
/** An error the CLI reports as `error: <message>` on stderr before exiting with `exitCode`. */
class CliError extends Error {
    exitCode;
    constructor(message, exitCode = 255) {
        super(message);
        this.exitCode = exitCode;
        this.name = "CliError";
    }
}
exports.CliError = CliError;
/**
 * An error that was already shown to the user (diagnostics in the display); main only prints the
 * short summary line (`error: update failed`).
 */
class ReportedError extends CliError {
}
exports.ReportedError = ReportedError;
//# sourceMappingURL=errors.js.map