// The German messages, one file per namespace (messages/de/<namespace>.json).
import app from "./app.json";
import nav from "./nav.json";
import roles from "./roles.json";
import shell from "./shell.json";
import notifications from "./notifications.json";
import signIn from "./signIn.json";
import settings from "./settings.json";
import validation from "./validation.json";
import common from "./common.json";
import map from "./map.json";
import bookings from "./bookings.json";
import board from "./board.json";
import wizard from "./wizard.json";
import batches from "./batches.json";
import sessions from "./sessions.json";
import reports from "./reports.json";
import keys from "./keys.json";
import vehicles from "./vehicles.json";
import fleets from "./fleets.json";
import invitations from "./invitations.json";
import join from "./join.json";
import audit from "./audit.json";
import providers from "./providers.json";
import errors from "./errors.json";
import csv from "./csv.json";
import emails from "./emails.json";
import alerts from "./alerts.json";

const messages = {
  app,
  nav,
  roles,
  shell,
  notifications,
  signIn,
  settings,
  validation,
  common,
  map,
  bookings,
  board,
  wizard,
  batches,
  sessions,
  reports,
  keys,
  vehicles,
  fleets,
  invitations,
  join,
  audit,
  providers,
  errors,
  csv,
  emails,
  alerts,
};
export default messages;
