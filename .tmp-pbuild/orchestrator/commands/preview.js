"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerPreview = registerPreview;
const types_1 = require("../types");
const verbs_1 = require("../verbs");
const common_1 = require("./common");
/** `platform preview --env <env>[,…|all]`: what `up` would change. */
function registerPreview(program) {
    (0, common_1.withCommonOptions)(program.command("preview").description("Show what up would change, per environment"))
        .option("--target <urn...>", "only these resources (URNs)")
        .option("--refresh", "refresh state before the preview")
        .option("--expect-no-changes", "exit 1 (changes-detected) when anything would change")
        .action(async (flags) => {
        await (0, common_1.runCommand)(types_1.Verb.preview, flags, (extra) => (0, verbs_1.preview)({
            ...(0, common_1.commonOptions)(flags),
            ...extra,
            ...(flags.target ? { target: flags.target } : {}),
            ...(flags.refresh ? { refresh: true } : {}),
            ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
        }), { mutating: false, showOutputs: false });
    });
}
//# sourceMappingURL=preview.js.map