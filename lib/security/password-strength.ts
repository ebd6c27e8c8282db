import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { KNOWN_PHRASES } from "./common-passwords";

/** zxcvbn's score 3: at least 10^8 guesses, which argon2id (lib/security/passwords.ts) makes slow. */
const MIN_SCORE = 3;
// zxcvbn's work grows fast with length and l33t variants (a 256-character password took seconds, a
// crafted 64-character one a quarter of a second): the first 48 characters are judged (a strong prefix
// makes a strong password), with few l33t substitutions; "p@ssw0rd"-style variants are still caught.
const JUDGED_LENGTH = 48;
const L33T_SUBSTITUTIONS = 3;

let factory: ZxcvbnFactory | undefined;
// Built on first use: loading the dictionaries takes a few hundred milliseconds.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, knownPhrases: KNOWN_PHRASES },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: JUDGED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
  return factory;
}

/** Lower case without spaces or punctuation: "Correct-Horse Battery_Staple" → "correcthorsebatterystaple". */
export function foldPassword(password: string): string {
  return password.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

/**
 * SECURITY.md 40: a shipped strength estimator (no network). The password is judged as typed and with
 * its separators removed, so a known phrase cannot hide behind spaces or hyphens; the weaker verdict counts.
 * Returns zxcvbn's warning (or an empty string) when the password is too easy to guess.
 */
export function weakPasswordWarning(password: string, userInputs: string[] = []): string | undefined {
  const z = estimator();
  const folded = foldPassword(password);
  const asTyped = z.check(password, userInputs);
  const weakest = asTyped.score < MIN_SCORE || folded.length === 0 || folded === password ? asTyped : z.check(folded, userInputs);
  if (weakest.score >= MIN_SCORE) return undefined;
  return weakest.feedback.warning ?? "";
}
