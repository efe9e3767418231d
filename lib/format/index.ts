// One formatter for the whole app (see format.ts); `useFormat()` in components/ui/use-format.ts binds it to the reader.
export * from "./format";
