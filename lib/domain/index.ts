export * from "./provider";
export * from "./location";
export * from "./booking";
export * from "./charging-key";
export * from "./session";
export * from "./fleet";
