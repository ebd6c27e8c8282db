import { describe, expect, it } from "vitest";
import { publishConsequence } from "./publish-words";

describe("publishConsequence", () => {
  it("says how many contracts are asked to sign and how many signees are emailed", () => {
    expect(publishConsequence({ contracts: 3, signees: 2 })).toBe("3 contracts will be asked to sign; 2 signees will be emailed.");
    expect(publishConsequence({ contracts: 1, signees: 1 })).toBe("1 contract will be asked to sign; 1 signee will be emailed.");
    expect(publishConsequence({ contracts: 0, signees: 0 })).toBe("No contract will be asked to sign; no signee will be emailed.");
  });
});
