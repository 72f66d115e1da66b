export * from "./columns";
export * from "./org";
export * from "./accounts";
export * from "./producers";
export * from "./catalog";
export * from "./commerce";
export * from "./demand";
export * from "./platform";
