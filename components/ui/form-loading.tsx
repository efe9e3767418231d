"use client";
// What a form loaded after the page (next/dynamic) shows until its code has arrived.
import { Spinner } from "./spinner";

export function FormLoading() {
  return (
    <div className="py-2" aria-busy="true">
      <Spinner />
    </div>
  );
}
