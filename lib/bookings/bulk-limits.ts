// How many bookings one bulk action of the bookings list takes: read by its schemas and by its dialogs
// (a file of its own, so the list's first load carries no schema library for two numbers).
export const BULK_BOOKINGS_MAX = 100;
export const EXPORT_IDS_MAX = 500;
