// Joins class names, skipping falsy ones.
export { clsx as cn } from "clsx";
