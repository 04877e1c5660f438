"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.listLocks = listLocks;
exports.lockedMessage = lockedMessage;
exports.acquireLock = acquireLock;
exports.checkUnlocked = checkUnlocked;
exports.removeLocks = removeLocks;
exports.safeUsername = safeUsername;
/**
 * DIY-backend stack locks: one JSON file per holder under `.pulumi/locks/organization/<project>/<stack>/`.
 * A second update on a locked stack fails with the real CLI's text, which the Automation API maps
 * to `ConcurrentUpdateError`; `pulumi cancel` deletes the files.
 */
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const errors_1 = require("./errors");
/** Lock files of the stack, oldest first. */
function listLocks(backend, stack) {
    const dir = backend.lockDir(stack);
    if (!fs.existsSync(dir))
        return [];
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => {
        const file = path.join(dir, f);
        let info;
        try {
            info = JSON.parse(fs.readFileSync(file, "utf8"));
        }
        catch {
            info = { pid: 0, username: "unknown", hostname: "unknown", timestamp: "" };
        }
        return { file, info };
    })
        .sort((a, b) => a.info.timestamp.localeCompare(b.info.timestamp));
}
/** The real DIY backend's message for a locked stack. */
function lockedMessage(locks) {
    const lines = locks.map((l) => `\n  file://${l.file}: created by ${l.info.username}@${l.info.hostname} (pid ${l.info.pid}) at ${l.info.timestamp}`);
    return (`the stack is currently locked by ${locks.length} lock(s). Either wait for the other process(es) ` +
        `to end or delete the lock file with \`pulumi cancel\`.${lines.join("")}`);
}
/**
 * Takes the stack lock. The own lock file is written first and the others checked afterwards, so
 * of two processes racing only one can win (possibly neither, never both).
 */
function acquireLock(backend, stack) {
    const dir = backend.lockDir(stack);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${crypto.randomUUID()}.json`);
    const info = {
        pid: process.pid,
        username: safeUsername(),
        hostname: os.hostname(),
        timestamp: new Date().toISOString(),
    };
    fs.writeFileSync(file, JSON.stringify(info, null, 4) + "\n");
    const others = listLocks(backend, stack).filter((l) => l.file !== file);
    if (others.length > 0) {
        fs.rmSync(file, { force: true });
        throw new errors_1.CliError(lockedMessage(others));
    }
    return { file, release: () => fs.rmSync(file, { force: true }) };
}
/** Throws the locked message when another process holds the stack lock. */
function checkUnlocked(backend, stack) {
    const locks = listLocks(backend, stack);
    if (locks.length > 0)
        throw new errors_1.CliError(lockedMessage(locks));
}
/** Deletes every lock file of the stack (`pulumi cancel` on a DIY backend); returns how many. */
function removeLocks(backend, stack) {
    const locks = listLocks(backend, stack);
    for (const l of locks)
        fs.rmSync(l.file, { force: true });
    return locks.length;
}
/** The OS user name (falls back to $USER when the uid has no passwd entry). */
function safeUsername() {
    try {
        return os.userInfo().username;
    }
    catch {
        return process.env["USER"] ?? "unknown";
    }
}
//# sourceMappingURL=locks.js.map