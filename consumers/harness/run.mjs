// Runs a fixture's command (a build, a compiler, a Node program) and keeps
// its output for the failure message.

import { execFile } from "node:child_process";

/**
 * Runs `cmd args` in `cwd` (no shell). Resolves { stdout, stderr }; rejects
 * with an error that quotes the command, the exit status and the output.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const status = error.killed ? `killed (${error.signal}) after ${timeoutMs} ms` : `exit ${error.code}`;
        const failure = new Error(
          `\`${[cmd, ...args].join(" ")}\` in ${cwd} failed: ${status}` +
            (stdout.trim() ? `\n--- stdout\n${clip(stdout)}` : "") +
            (stderr.trim() ? `\n--- stderr\n${clip(stderr)}` : ""),
        );
        // The command's own output is the story; our frames would only bury it.
        failure.stack = `Error: ${failure.message}`;
        reject(failure);
      },
    );
  });
}

/** Long output, with minified one-line sources cut to something readable. */
function clip(text) {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}… (${line.length} chars)` : line))
    .join("\n");
}
