"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Status = exports.ReviewSource = void 0;
/** Where an environment's steps came from. */
exports.ReviewSource = {
    preview: "preview",
    eventLog: "event-log",
    previewJson: "preview-json",
    offline: "offline",
};
/** Pass / warn / fail, for budgets, guards, environments and the whole review. */
exports.Status = { ok: "ok", warn: "warn", fail: "fail" };
//# sourceMappingURL=types.js.map