/**
 * Well-known phrases that zxcvbn's shipped dictionaries (lib/security/password-strength.ts) do not
 * know: famous passphrases, book and film lines, and this product's own demo password. Folded like the
 * password they are compared with (lower case, no spaces or punctuation), and matched as dictionary
 * words, so "Correct-Horse-Battery-Staple 42" is as weak as the phrase itself.
 */
export const KNOWN_PHRASES = [
  "correcthorsebatterystaple",
  "thequickbrownfoxjumpsoverthelazydog",
  "thequickbrownfox",
  "tobeornottobe",
  "maytheforcebewithyou",
  "iamyourfather",
  "winteriscoming",
  "allworkandnoplaymakesjackadullboy",
  "opensesame",
  "letmeinplease",
  "thisismypassword",
  "mypasswordismypassword",
  "nothingtoseehere",
  "ihavenoidea",
  "ilovemyfamily",
  "ilovemydog",
  "ilovemycat",
  "helloworld",
  "onetwothreefourfive",
  "troubadortroubador",
  "supersecretpassword",
  "temporarypassword",
  "changemechangeme",
  "defaultpassword",
  "securepassword",
  "masterpassword",
  "passwordpassword",
  "administrator",
  "northwinddemopassword",
  "northwinddistribution",
  "servicecontracts",
  "servicecontractsportal",
];
