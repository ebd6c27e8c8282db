/** What Publish will do, told before it is confirmed: the contracts asked to sign and the signees emailed. */
export type PublishCounts = { contracts: number; signees: number };

const count = (n: number, one: string, many: string) => (n === 0 ? `No ${one}` : n === 1 ? `1 ${one}` : `${n} ${many}`);

/** What the Publish confirmation says, from the counts the server computed. */
export function publishConsequence(p: PublishCounts): string {
  const contracts = count(p.contracts, "contract", "contracts");
  const signees = count(p.signees, "signee", "signees").replace(/^No/, "no");
  return `${contracts} will be asked to sign; ${signees} will be emailed.`;
}
