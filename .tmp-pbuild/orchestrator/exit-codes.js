"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExitCode = void 0;
/** Exit codes of the `platform` CLI: 2 = bad input (before any engine call), 3 = blocked by a guard or budget. */
exports.ExitCode = { ok: 0, failed: 1, usage: 2, blocked: 3 };
//# sourceMappingURL=exit-codes.js.map