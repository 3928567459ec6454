// Preloaded (`node -r`) into the CLI processes of the hostile corpus test: on exit, writes the process's
// CPU time and peak resident memory as JSON to the file named by POLICYC_MEASURE_OUT.
"use strict";
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const out = process.env.POLICYC_MEASURE_OUT;
  if (!out) return;
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  writeFileSync(out, JSON.stringify({ cpuMs, maxRssMiB: Math.round(usage.maxRSS / 1024) }));
});
