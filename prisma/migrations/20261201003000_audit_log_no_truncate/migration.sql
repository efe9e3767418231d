-- The audit trail is append-only: TRUNCATE is refused too (row triggers do not fire on TRUNCATE).
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
