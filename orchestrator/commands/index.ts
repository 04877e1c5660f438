import type { Command } from "commander";
import { registerCancel } from "./cancel";
import { registerCost } from "./cost";
import { registerDestroy } from "./destroy";
import { registerOutputs } from "./outputs";
import { registerPreview } from "./preview";
import { registerRefresh } from "./refresh";
import { registerReview } from "./review";
import { registerSynth } from "./synth";
import { registerUp } from "./up";

/** Every CLI verb; each module adds one command. */
export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerSynth,
  registerUp,
  registerPreview,
  registerRefresh,
  registerDestroy,
  registerOutputs,
  registerCancel,
  registerCost,
  registerReview,
];
