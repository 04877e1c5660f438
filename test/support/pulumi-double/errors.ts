/** An error the CLI reports as `error: <message>` on stderr before exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 255,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * An error that was already shown to the user (diagnostics in the display); main only prints the
 * short summary line (`error: update failed`).
 */
export class ReportedError extends CliError {}
