export * from "./communities";
export * from "./users";
export * from "./memberships";
export * from "./rules";
export * from "./topics";
export * from "./ledger";
export * from "./drafts";
export * from "./meetings";
