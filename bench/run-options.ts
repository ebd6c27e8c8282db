import { parseOptions } from "./options";

/** This run's options, parsed once from the command line. */
export const o = parseOptions(process.argv.slice(2));
