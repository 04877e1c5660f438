"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerCancel = registerCancel;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform cancel --env <env>`: remove the lock an interrupted update left (refused while its holder runs here). */
function registerCancel(program) {
    (0, common_1.withCommonOptions)(program
        .command("cancel")
        .description("Remove the lock an interrupted update left. Dangerous while that update still runs: make sure it is gone"))
        .option("--force", "cancel even when the lock's holder still looks alive on this host")
        .action(async (flags) => {
        await (0, common_1.runCommand)(types_1.Verb.cancel, flags, (extra) => (0, verbs_1.cancel)({ ...(0, common_1.commonOptions)(flags), ...extra, ...(flags.force ? { force: true } : {}) }), {
            mutating: true,
            showOutputs: false,
        });
    });
}
//# sourceMappingURL=cancel.js.map