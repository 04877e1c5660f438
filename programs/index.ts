// The program `pulumi up -s <env>` runs (Pulumi.yaml `main`), the orchestrator's inline program and
// offline synth all go through runPlatform(): one program, one config path.
import { runPlatform } from "./main";

export = runPlatform();
