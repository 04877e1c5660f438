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
exports.Backend = void 0;
exports.writeFileAtomic = writeFileAtomic;
/**
 * A DIY (file://) backend laid out like the real one in project mode:
 *
 *   <dir>/.pulumi/meta.yaml
 *   <dir>/.pulumi/stacks/<project>/<stack>.json            checkpoint {version: 3, checkpoint}
 *   <dir>/.pulumi/history/<project>/<stack>/<stack>-<ns>.history.json
 *   <dir>/.pulumi/locks/organization/<project>/<stack>/<id>.json
 *   <dir>/.pulumi/stacks/<project>/<stack>.tags.json        (double only: the real DIY backend keeps no tags)
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const errors_1 = require("./errors");
/** Writes a file atomically (temp file + rename), so a killed process never leaves half a file. */
function writeFileAtomic(file, text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
}
/** The DIY backend of one project. */
class Backend {
    url;
    dir;
    project;
    root;
    constructor(
    /** The backend URL as configured (`file://…`). */
    url, 
    /** The directory the URL points at. */
    dir, 
    /** The project name. */
    project) {
        this.url = url;
        this.dir = dir;
        this.project = project;
        this.root = path.join(dir, ".pulumi");
    }
    /** Creates `.pulumi/meta.yaml` on first use. */
    ensureMeta() {
        const meta = path.join(this.root, "meta.yaml");
        if (!fs.existsSync(meta)) {
            fs.mkdirSync(this.root, { recursive: true });
            fs.writeFileSync(meta, "version: 1\n");
        }
    }
    /** Fully qualified stack name as the DIY backend spells it. */
    qualified(stack) {
        return `organization/${this.project}/${stack}`;
    }
    stackFile(stack) {
        return path.join(this.root, "stacks", this.project, `${stack}.json`);
    }
    /** Directory of the stack's lock files. */
    lockDir(stack) {
        return path.join(this.root, "locks", "organization", this.project, stack);
    }
    historyDir(stack) {
        return path.join(this.root, "history", this.project, stack);
    }
    tagsFile(stack) {
        return path.join(this.root, "stacks", this.project, `${stack}.tags.json`);
    }
    /** True when the stack exists. */
    exists(stack) {
        return fs.existsSync(this.stackFile(stack));
    }
    /** Throws the real CLI's not-found message unless the stack exists. */
    requireStack(stack) {
        if (!this.exists(stack))
            throw new errors_1.CliError(`no stack named '${stack}' found`);
    }
    /** Creates an empty stack; throws the real CLI's message when it exists. */
    createStack(stack) {
        this.ensureMeta();
        if (this.exists(stack))
            throw new errors_1.CliError(`stack '${this.qualified(stack)}' already exists`);
        const file = { version: 3, checkpoint: { stack: this.qualified(stack) } };
        writeFileAtomic(this.stackFile(stack), JSON.stringify(file, null, 4) + "\n");
    }
    /** Stack names of this project, sorted. */
    listStacks() {
        const dir = path.join(this.root, "stacks", this.project);
        if (!fs.existsSync(dir))
            return [];
        return fs
            .readdirSync(dir)
            .filter((f) => f.endsWith(".json") && !f.endsWith(".tags.json"))
            .map((f) => f.slice(0, -".json".length))
            .sort();
    }
    /** The stack's latest deployment (undefined before the first update). */
    readDeployment(stack) {
        this.requireStack(stack);
        const file = JSON.parse(fs.readFileSync(this.stackFile(stack), "utf8"));
        return file.checkpoint.latest ?? undefined;
    }
    /** Last modification time of the checkpoint, in ms. */
    lastModified(stack) {
        return fs.statSync(this.stackFile(stack)).mtimeMs;
    }
    /** Writes the stack's latest deployment (atomically). */
    writeDeployment(stack, deployment) {
        const file = {
            version: 3,
            checkpoint: { stack: this.qualified(stack), latest: deployment },
        };
        writeFileAtomic(this.stackFile(stack), JSON.stringify(file, null, 4) + "\n");
    }
    /** Removes the stack's checkpoint, history, tags and locks. */
    removeStack(stack) {
        fs.rmSync(this.stackFile(stack), { force: true });
        fs.rmSync(this.tagsFile(stack), { force: true });
        fs.rmSync(this.historyDir(stack), { recursive: true, force: true });
        fs.rmSync(this.lockDir(stack), { recursive: true, force: true });
    }
    /** History, newest first. */
    history(stack) {
        const dir = this.historyDir(stack);
        if (!fs.existsSync(dir))
            return [];
        return fs
            .readdirSync(dir)
            .filter((f) => f.endsWith(".history.json"))
            .sort()
            .reverse()
            .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
    }
    /** Appends a history entry (version = previous count + 1). */
    addHistory(stack, record) {
        const full = { ...record, version: this.history(stack).length + 1 };
        const stamp = String(BigInt(Date.now()) * 1000000n + process.hrtime.bigint() % 1000000n).padStart(20, "0");
        writeFileAtomic(path.join(this.historyDir(stack), `${stack}-${stamp}.history.json`), JSON.stringify(full, null, 4) + "\n");
        return full;
    }
    /** User tags of the stack. */
    readTags(stack) {
        try {
            return JSON.parse(fs.readFileSync(this.tagsFile(stack), "utf8"));
        }
        catch {
            return {};
        }
    }
    /** Replaces the user tags of the stack. */
    writeTags(stack, tags) {
        writeFileAtomic(this.tagsFile(stack), JSON.stringify(tags, null, 4) + "\n");
    }
}
exports.Backend = Backend;
//# sourceMappingURL=backend.js.map