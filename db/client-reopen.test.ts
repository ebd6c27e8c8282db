import { afterAll, describe, expect, it, vi } from "vitest";

// db/pglite-thread.test.ts kills a real database thread; here, what the process's handle does when told.
const stops: Array<(e: Error) => void> = [];
const threads: Array<import("./pglite-thread").PgliteThread> = [];
vi.mock("./pglite-thread", async (importOriginal) => {
  const real = await importOriginal<typeof import("./pglite-thread")>();
  return {
    ...real,
    openPgliteThread: (dir: string, options: import("./pglite-thread").ThreadOptions = {}) => {
      if (options.onStop) stops.push(options.onStop);
      return real.openPgliteThread(dir, options).then((t) => (threads.push(t), t));
    },
  };
});

// The first thread was only told it stopped: it is still running, and nothing else holds it.
afterAll(() => Promise.all(threads.map((t) => t.close())));

describe("the PGlite handle after its thread stopped", () => {
  it("is dropped, and the next getDb() opens the database again", async () => {
    // PGlite in both suites (the settings are read when the database opens): this is PGlite's own path.
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = "memory://";
    const { dbDriver, getDb } = await import("./client");
    const first = await getDb();
    expect(await getDb()).toBe(first);
    stops.at(-1)!(new Error("exit code 1"));
    await new Promise((r) => setTimeout(r, 0));
    const second = await getDb();
    expect(second).not.toBe(first);
    expect(stops).toHaveLength(2);
    expect(await dbDriver()).toBe("pglite");
  });
});
