import { describe, expect, it } from "vitest";
import { hasEntityType } from "./entity-type";

describe("hasEntityType", () => {
  it("recognises entity types however they are written", () => {
    for (const name of [
      "Contoso Inc.",
      "Fabrikam IT Solutions GmbH",
      "Acme L.L.C.",
      "Litware Systems Ltd",
      "Nordic Cloud AB",
      "Dansk IT A/S",
      "Polska Sp. z o.o.",
      "Blue Yonder Networks S.A.",
      "Widgets Pty Ltd",
      "ACME CORPORATION",
      "Trey Research, Inc.",
    ]) {
      expect(hasEntityType(name), name).toBe(true);
    }
  });

  it("finds none in a bare name", () => {
    for (const name of ["Contoso", "Fabrikam IT Solutions", "Acme Widgets", "Inca Trails", "Gazelle", "Ltdx Systems"]) {
      expect(hasEntityType(name), name).toBe(false);
    }
  });
});
