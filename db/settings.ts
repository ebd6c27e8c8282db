import { z } from "zod";

/**
 * The database's settings. db/ imports nothing from lib/, so this part of the configuration schema lives
 * here and lib/env.ts validates it together with every other variable.
 */
export const databaseSettingsSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** "0": instances never migrate; the deploy runs `npm run db:migrate` first, and /api/ready checks. */
  SCP_MIGRATE_ON_START: z
    .enum(["0", "1"])
    .default("1")
    .transform((v) => v === "1"),
});

export type DatabaseSettings = z.infer<typeof databaseSettingsSchema>;

/** Read at each connection, so tests can point a new client elsewhere. An empty variable means unset. */
export function databaseSettings(): DatabaseSettings {
  const values: Record<string, string> = {};
  for (const key of Object.keys(databaseSettingsSchema.shape)) {
    const v = process.env[key];
    if (v !== undefined && v !== "") values[key] = v;
  }
  const parsed = databaseSettingsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
