import { errorKey } from "@/lib/message-keys";

/**
 * Legal-entity suffixes and words, compared without dots or case ("L.L.C." is "llc"). The manual asks
 * for a company name that includes one; a name without it gets a gentle warning, never a refusal.
 */
const ENTITY_WORDS = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "llc",
  "llp",
  "lp",
  "ltd",
  "limited",
  "plc",
  "pllc",
  "gmbh",
  "ag",
  "kg",
  "ohg",
  "ug",
  "ev",
  "sa",
  "sas",
  "sarl",
  "sca",
  "snc",
  "srl",
  "spa",
  "sl",
  "slu",
  "bv",
  "nv",
  "vof",
  "ab",
  "as",
  "a/s",
  "asa",
  "aps",
  "oy",
  "oyj",
  "ou",
  "oü",
  "sro",
  "kft",
  "zrt",
  "nyrt",
  "doo",
  "dd",
  "ad",
  "ood",
  "eood",
  "pty",
  "pvt",
  "kk",
  "gk",
  "bhd",
  "sdn",
  "pte",
  "lda",
  "ltda",
  "eireli",
  "cv",
  "scs",
  "sprl",
  "bvba",
  "se",
  "ltée",
  "ltee",
]);
const ENTITY_PHRASES = ["sp z oo", "s de rl", "sa de cv", "s en c"];

export function hasEntityType(name: string): boolean {
  const plain = name
    .toLowerCase()
    .replace(/[.,()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (ENTITY_PHRASES.some((p) => ` ${plain} `.includes(` ${p} `))) return true;
  return plain.split(" ").some((word) => ENTITY_WORDS.has(word));
}

export const ENTITY_TYPE_WARNING = errorKey("entityTypeWarning");
