import "server-only";
import { randomInt } from "node:crypto";

function digits(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += randomInt(10).toString();
  return s;
}

function groups(prefix: string, sizes: number[]): string {
  return [prefix, ...sizes.map(digits)].join("-");
}

/** Random public IDs (never sequential). Collisions are handled by the inserting code. */
export const newId = {
  account: () => groups("PA", [3, 3]),
  user: () => groups("UR", [3, 3, 3]),
  serviceAgreement: () => groups("AGS", [3, 3, 3]),
  programAgreement: () => groups("AGP", [3, 3, 3]),
  contract: () => groups("CRS", [5, 5, 5]),
};

export const publicIdPattern = {
  account: /^PA-\d{3}-\d{3}$/,
  user: /^UR-\d{3}-\d{3}-\d{3}$/,
  agreement: /^AG[SP]-\d{3}-\d{3}-\d{3}$/,
  contract: /^CRS-\d{5}-\d{5}-\d{5}$/,
};

/**
 * Inserts a row under a fresh random public ID, retrying on the rare collision.
 * `insert` must use ON CONFLICT (public_id) DO NOTHING and return undefined when it hit one,
 * so a collision never aborts the surrounding transaction.
 */
export async function withFreshPublicId<T>(make: () => string, insert: (publicId: string) => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await insert(make());
    if (row !== undefined) return row;
  }
  throw new Error("Could not allocate a unique public ID");
}
