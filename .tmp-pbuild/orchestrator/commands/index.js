"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMANDS = void 0;
const cancel_1 = require("./cancel");
const destroy_1 = require("./destroy");
const outputs_1 = require("./outputs");
const preview_1 = require("./preview");
const refresh_1 = require("./refresh");
const synth_1 = require("./synth");
const up_1 = require("./up");
/** Every CLI verb; each module adds one command. */
exports.COMMANDS = [
    synth_1.registerSynth,
    up_1.registerUp,
    preview_1.registerPreview,
    refresh_1.registerRefresh,
    destroy_1.registerDestroy,
    outputs_1.registerOutputs,
    cancel_1.registerCancel,
];
//# sourceMappingURL=index.js.map