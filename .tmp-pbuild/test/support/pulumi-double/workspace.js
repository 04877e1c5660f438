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
exports.loadProject = loadProject;
exports.pulumiHome = pulumiHome;
exports.backendUrl = backendUrl;
exports.backendDir = backendDir;
exports.readCredentials = readCredentials;
exports.writeCurrentBackend = writeCurrentBackend;
exports.currentStack = currentStack;
exports.setCurrentStack = setCurrentStack;
exports.parseStackName = parseStackName;
exports.stackSettingsPath = stackSettingsPath;
exports.readStackSettings = readStackSettings;
exports.writeStackSettings = writeStackSettings;
/**
 * The workspace side of the CLI: `Pulumi.yaml` (project), `Pulumi.<stack>.yaml` (stack settings and
 * config), PULUMI_HOME (current stack per project, login state) and the backend URL.
 */
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const yaml_1 = require("yaml");
const errors_1 = require("./errors");
const EXTS = [".yaml", ".yml", ".json"];
/** Finds and loads the project file, searching upwards from `cwd` as the real CLI does. */
function loadProject(cwd) {
    let dir = path.resolve(cwd);
    for (;;) {
        for (const ext of EXTS) {
            const file = path.join(dir, `Pulumi${ext}`);
            if (fs.existsSync(file)) {
                const text = fs.readFileSync(file, "utf8");
                const raw = (ext === ".json" ? JSON.parse(text) : (0, yaml_1.parse)(text));
                if (!raw || typeof raw.name !== "string" || raw.name === "") {
                    throw new errors_1.CliError(`could not load project file ${file}: project is missing a 'name' attribute`);
                }
                return { ...raw, name: raw.name, runtime: raw.runtime ?? "nodejs", dir, file };
            }
        }
        const up = path.dirname(dir);
        if (up === dir)
            break;
        dir = up;
    }
    throw new errors_1.CliError(`no Pulumi.yaml project file found (searching upwards from ${path.resolve(cwd)}). ` +
        "If you have not created a project yet, use `pulumi new` to do so: no project file found");
}
/** PULUMI_HOME (default `~/.pulumi`). */
function pulumiHome(env = process.env) {
    return env["PULUMI_HOME"] || path.join(os.homedir(), ".pulumi");
}
/** The backend URL: PULUMI_BACKEND_URL, then `backend.url`, then `pulumi login`, then the default. */
function backendUrl(project, env = process.env) {
    if (env["PULUMI_BACKEND_URL"])
        return env["PULUMI_BACKEND_URL"];
    if (project?.backend?.url)
        return project.backend.url;
    const creds = readCredentials(env);
    if (typeof creds["current"] === "string" && creds["current"] !== "")
        return creds["current"];
    const base = env["PULUMI_HOME"] ? path.join(env["PULUMI_HOME"], ".pulumi-double") : "~/.pulumi-double";
    return `file://${base}`;
}
/** The directory a `file://` backend URL points at (the `.pulumi` folder lives inside it). */
function backendDir(url, cwd) {
    if (!url.startsWith("file://")) {
        throw new errors_1.CliError(`the Pulumi CLI double only supports file:// backends (DIY); got '${url}'. ` +
            "Set PULUMI_BACKEND_URL=file://<dir> or backend.url in Pulumi.yaml.");
    }
    let p = url.slice("file://".length).replace(/\?.*$/, "");
    if (p === "" || p === "~")
        return os.homedir();
    if (p.startsWith("~/"))
        p = path.join(os.homedir(), p.slice(2));
    return path.resolve(cwd, p);
}
function credentialsPath(env) {
    return path.join(pulumiHome(env), "credentials.json");
}
/** `credentials.json` in PULUMI_HOME ({} when absent). */
function readCredentials(env = process.env) {
    try {
        return JSON.parse(fs.readFileSync(credentialsPath(env), "utf8"));
    }
    catch {
        return {};
    }
}
/** Records `pulumi login <url>`. */
function writeCurrentBackend(url, env = process.env) {
    const creds = readCredentials(env);
    if (url === undefined)
        delete creds["current"];
    else
        creds["current"] = url;
    fs.mkdirSync(pulumiHome(env), { recursive: true });
    fs.writeFileSync(credentialsPath(env), JSON.stringify(creds, null, 4) + "\n");
}
function workspaceFile(project, env) {
    const hash = crypto.createHash("sha1").update(project.file).digest("hex");
    return path.join(pulumiHome(env), "workspaces", `${project.name}-${hash}-workspace.json`);
}
/** The stack selected for this project in this PULUMI_HOME, if any. */
function currentStack(project, env = process.env) {
    try {
        const ws = JSON.parse(fs.readFileSync(workspaceFile(project, env), "utf8"));
        return ws.stack || undefined;
    }
    catch {
        return undefined;
    }
}
/** Selects (or with undefined, unselects) the current stack. */
function setCurrentStack(project, stack, env = process.env) {
    const file = workspaceFile(project, env);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stack ? { stack } : {}, null, 4) + "\n");
}
/** Short stack name from `name`, `org/name` or `org/project/name`; checks the project part. */
function parseStackName(ref, project) {
    const parts = ref.split("/");
    if (parts.length === 3 && parts[1] !== project.name) {
        throw new errors_1.CliError(`the stack '${ref}' belongs to project '${parts[1]}', but the current project is '${project.name}'`);
    }
    if (parts.length > 3 || parts.some((p) => p === ""))
        throw new errors_1.CliError(`invalid stack name '${ref}'`);
    const name = parts[parts.length - 1];
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new errors_1.CliError(`stack names may only contain alphanumeric, hyphens, underscores, or periods: '${name}' is invalid`);
    }
    return name;
}
/** Path of the stack settings file (an existing .yaml/.yml/.json, else the .yaml path). */
function stackSettingsPath(project, stack, configFile) {
    if (configFile)
        return path.resolve(configFile);
    const dir = project.stackConfigDir ? path.resolve(project.dir, project.stackConfigDir) : project.dir;
    for (const ext of EXTS) {
        const p = path.join(dir, `Pulumi.${stack}${ext}`);
        if (fs.existsSync(p))
            return p;
    }
    return path.join(dir, `Pulumi.${stack}.yaml`);
}
/** Reads stack settings ({} when the file does not exist). */
function readStackSettings(file) {
    if (!fs.existsSync(file))
        return {};
    const text = fs.readFileSync(file, "utf8");
    const raw = (file.endsWith(".json") ? JSON.parse(text) : (0, yaml_1.parse)(text));
    return raw ?? {};
}
/** Writes stack settings, preserving the file's format. */
function writeStackSettings(file, settings) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const clean = { ...settings };
    if (clean.config && Object.keys(clean.config).length === 0)
        delete clean.config;
    const text = file.endsWith(".json") ? JSON.stringify(clean, null, 4) + "\n" : (0, yaml_1.stringify)(clean);
    fs.writeFileSync(file, text);
}
//# sourceMappingURL=workspace.js.map