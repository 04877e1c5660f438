"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerOutputs = registerOutputs;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform outputs --env <env>[,…|all] [--show-secrets]`: the stacks' outputs, secrets masked. */
function registerOutputs(program) {
    (0, common_1.withCommonOptions)(program.command("outputs").description("Print the stacks' outputs (secrets as [secret] unless --show-secrets)")).action(async (flags) => {
        await (0, common_1.runCommand)(types_1.Verb.outputs, flags, (extra) => (0, verbs_1.outputs)({ ...(0, common_1.commonOptions)(flags), ...extra }), { mutating: false, showOutputs: true });
    });
}
//# sourceMappingURL=outputs.js.map