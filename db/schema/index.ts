export * from "./accounts";
export * from "./events";
export * from "./agreements";
export * from "./contracts";
export * from "./outbox";
export * from "./rate-limits";
export * from "./permissions";
export * from "./account-security";
