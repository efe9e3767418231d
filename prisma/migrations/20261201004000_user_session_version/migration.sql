-- A password change ends the user's other sessions: each session carries the version it was signed in under.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
