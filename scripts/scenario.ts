/** `npm run scenario -- PATH... [--gate FILE]`: a thin shell around src/scenario/cli.ts. */
import { runCli } from "../src/scenario/cli";

runCli(process.argv.slice(2)).then(
  ({ lines, exitCode }) => {
    for (const line of lines) console.log(line);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
