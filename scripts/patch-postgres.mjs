// postgres.js 3.4.9 crashes the whole process when a connection drops while a small write is queued:
// nextWrite() runs from setImmediate after closed() has set `socket = null` (upstream issues
// porsager/postgres#1154 and #1208, still open). We guard it at install time: with no socket, the
// pending query is rejected with CONNECTION_CLOSED, which the caller can catch.
// Proven by tests/security/faults.test.ts ("a database connection dropped mid-transaction").
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const MARK = "/* scp: null-socket guard */";
const BUGGY = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const GUARDED =
  "  function nextWrite(fn) {\n" +
  `    ${MARK}\n` +
  "    if (!socket) {\n" +
  "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
  "      chunk = nextWriteTimer = null\n" +
  "      error(Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
  "      return false\n" +
  "    }\n" +
  "    const x = socket.write(chunk, fn)";

for (const file of ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js"]) {
  if (!existsSync(file)) continue;
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  if (!source.includes(BUGGY)) {
    console.warn(`patch-postgres: ${file} has changed shape; guard not applied (check whether upstream fixed nextWrite).`);
    continue;
  }
  writeFileSync(file, source.replace(BUGGY, GUARDED));
  console.log(`patch-postgres: guarded nextWrite in ${file}`);
}
