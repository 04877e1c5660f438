"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerUp = registerUp;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform up --env <env>[,…|all]`: deploy in dependency order, independent stacks in parallel. */
function registerUp(program) {
    (0, common_1.withCommonOptions)(program.command("up").description("Deploy the environments (dependencies first, independent stacks in parallel)"))
        .option("--target <urn...>", "only these resources (URNs)")
        .option("--refresh", "refresh state before the update")
        .option("-m, --message <text>", "message recorded with the update")
        .option("--expect-no-changes", "fail when the update would change anything")
        .action(async (flags) => {
        await (0, common_1.runCommand)(types_1.Verb.up, flags, (extra) => (0, verbs_1.up)({
            ...(0, common_1.commonOptions)(flags),
            ...extra,
            ...(flags.target ? { target: flags.target } : {}),
            ...(flags.refresh ? { refresh: true } : {}),
            ...(flags.message ? { message: flags.message } : {}),
            ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
        }), { mutating: true, showOutputs: false });
    });
}
//# sourceMappingURL=up.js.map