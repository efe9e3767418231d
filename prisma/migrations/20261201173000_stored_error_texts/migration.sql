-- Failure reasons, notes and batch line errors keep the `errors` texts they were said with beside the English
-- text, so that each reader sees them in her own language. Rows written before keep their English text alone.

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "lastErrorText" JSONB;

-- AlterTable
ALTER TABLE "BookingEvent" ADD COLUMN     "noteText" JSONB;

-- AlterTable
ALTER TABLE "BookingBatchItem" ADD COLUMN     "errorText" JSONB;
