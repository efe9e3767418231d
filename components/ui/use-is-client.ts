"use client";
// True after hydration: lets a component show browser-only values (locale, time zone, theme) without a mismatch.
import { useSyncExternalStore } from "react";

const noop = () => () => {};

export function useIsClient(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
