declare const _default: import("./platform").PlatformOutputs;
export = _default;
