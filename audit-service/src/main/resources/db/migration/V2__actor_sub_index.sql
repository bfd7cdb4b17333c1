-- The actor filter matches the username or the token subject (AuditReader): both indexed, so PostgreSQL combines the
-- two (BitmapOr) instead of scanning the table (AuditListingBenchmark's plan).
create index audit_entry_by_actor_sub on audit_entry (actor_sub, seq desc);
