import { closeDb, dbDriver, getDb } from "../db/client";

// Opening the database applies every pending migration (see db/client.ts).
await getDb();
console.log(`Migrations applied (${await dbDriver()}).`);
await closeDb();
