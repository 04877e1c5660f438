"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerSynth = registerSynth;
const envs_1 = require("../envs");
const synth_1 = require("../synth");
const render_1 = require("../synth/render");
/** `platform synth --env <env>[,…|all] [--json]`: the offline inventory. */
function registerSynth(program) {
    program
        .command("synth")
        .description("Run the program offline under Pulumi's mock runtime and print every resource it would create")
        .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
        .option("--json", "print the inventory as JSON ({ env, stack, resources: [...] }; an array for several envs)")
        .action(async (opts) => {
        const envs = (0, envs_1.resolveEnvs)(opts.env);
        const results = [];
        for (const env of envs)
            results.push(await (0, synth_1.synth)(env));
        if (opts.json) {
            const docs = results.map(({ env, stack, resources }) => ({ env, stack, resources }));
            process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
        }
        else {
            process.stdout.write(`${results.map(render_1.renderSynthTree).join("\n\n")}\n`);
        }
    });
}
//# sourceMappingURL=synth.js.map