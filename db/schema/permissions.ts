/** One shape on contracts and on accounts (PRODUCT.md, "Permissions"), stored as jsonb. */
export type Permissions = {
  agreement: {
    program: { create: boolean };
    service: { create: boolean; delegate: boolean };
  };
};
