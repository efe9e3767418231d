-- A booking whose provider answer was lost and cannot be looked up waits for a person's choice.
ALTER TYPE "BookingStatus" ADD VALUE 'OUTCOME_UNKNOWN';
ALTER TYPE "BatchItemStatus" ADD VALUE 'OUTCOME_UNKNOWN';

-- When the booking was first sent to its provider: bounds how long it may stay SUBMITTING.
ALTER TABLE "Booking" ADD COLUMN "submittedAt" TIMESTAMP(3);

-- An attempt was sent and no answer settled it: look at the provider before sending again.
ALTER TABLE "Booking" ADD COLUMN "answerLost" BOOLEAN NOT NULL DEFAULT false;
