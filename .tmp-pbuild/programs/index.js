"use strict";
// The program `pulumi up -s <env>` runs (Pulumi.yaml `main`), the orchestrator's inline program and
// offline synth all go through runPlatform(): one program, one config path.
const main_1 = require("./main");
module.exports = (0, main_1.runPlatform)();
//# sourceMappingURL=index.js.map