"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerRefresh = registerRefresh;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform refresh --env <env>[,…|all] [--preview-only --expect-no-changes]`: reconcile state, or detect drift. */
function registerRefresh(program) {
    (0, common_1.withCommonOptions)(program.command("refresh").description("Reconcile state with the cloud; with --preview-only, only detect drift"))
        .option("--preview-only", "only detect drift, write nothing")
        .option("--expect-no-changes", "exit 1 (changes-detected) when the refresh finds drift")
        .option("--clear-pending-creates", "drop pending creates left by an interrupted update (recovery)")
        .option("--target <urn...>", "only these resources (URNs)")
        .option("-m, --message <text>", "message recorded with the refresh")
        .action(async (flags) => {
        await (0, common_1.runCommand)(types_1.Verb.refresh, flags, (extra) => (0, verbs_1.refresh)({
            ...(0, common_1.commonOptions)(flags),
            ...extra,
            ...(flags.previewOnly ? { previewOnly: true } : {}),
            ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
            ...(flags.clearPendingCreates ? { clearPendingCreates: true } : {}),
            ...(flags.target ? { target: flags.target } : {}),
            ...(flags.message ? { message: flags.message } : {}),
        }), { mutating: !flags.previewOnly, showOutputs: false });
    });
}
//# sourceMappingURL=refresh.js.map