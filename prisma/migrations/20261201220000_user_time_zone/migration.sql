-- The time zone a user chose in Settings (null follows the browser)
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
