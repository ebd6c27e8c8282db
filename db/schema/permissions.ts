/**
 * What an account's role grants, and what a contract delegates: one JSON shape in accounts.permissions
 * and contracts.permissions. The rules over it live in lib/permissions.ts.
 */
export type Permissions = {
  agreement: {
    program: { create: boolean };
    service: { create: boolean; delegate: boolean };
  };
};
