"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerDestroy = registerDestroy;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform destroy --env <env>[,…|all]`: tear down in reverse dependency order; prod needs `--confirm <stack>`. */
function registerDestroy(program) {
    (0, common_1.withCommonOptions)(program.command("destroy").description("Destroy the environments (dependents first); prod-profile stacks need --confirm <stack>"))
        .option("--confirm <stack...>", "stack name(s) confirmed for destruction (required for prod-profile stacks)")
        .option("--exclude-protected", "destroy everything except protected resources (which are listed)")
        .option("--remove", "also remove the stack's history and config afterwards")
        .option("--target <urn...>", "only these resources (URNs)")
        .option("--refresh", "refresh state before destroying")
        .option("-m, --message <text>", "message recorded with the destroy")
        .action(async (flags) => {
        // The prod check comes before the interactive question: --yes never replaces --confirm.
        (0, verbs_1.requireDestroyConfirmation)((0, verbs_1.selectEnvs)(flags.env), flags.confirm);
        await (0, common_1.runCommand)(types_1.Verb.destroy, flags, (extra) => (0, verbs_1.destroy)({
            ...(0, common_1.commonOptions)(flags),
            ...extra,
            ...(flags.confirm ? { confirm: flags.confirm } : {}),
            ...(flags.excludeProtected ? { excludeProtected: true } : {}),
            ...(flags.remove ? { remove: true } : {}),
            ...(flags.target ? { target: flags.target } : {}),
            ...(flags.refresh ? { refresh: true } : {}),
            ...(flags.message ? { message: flags.message } : {}),
        }), { mutating: true, showOutputs: false });
    });
}
//# sourceMappingURL=destroy.js.map