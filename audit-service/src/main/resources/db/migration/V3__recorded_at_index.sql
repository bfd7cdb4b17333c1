-- The retention job finds the last entry recorded before its cutoff (max(seq) where recorded_at < cutoff): an index
-- range scan over the few entries older than the cutoff instead of a scan of the whole trail.
create index audit_entry_by_recorded_at on audit_entry (recorded_at);
