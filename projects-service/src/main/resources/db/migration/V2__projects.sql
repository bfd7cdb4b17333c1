-- Issue #19 hole 6: shared measurement that can be read back, and targets with a due date.

-- Dated targets of an indicator, a JSON array of {value, dueDate} ordered by due date; the last is the final target
-- (kept in `target` too). An existing indicator's single target becomes due at its project's planned end.
alter table indicator add column targets text;
update indicator i
   set targets = json_build_array(json_build_object('value', i.target, 'dueDate', p.planned_end))::text
  from project p
 where p.id = i.project_id;
alter table indicator alter column targets set not null;

-- Optimistic concurrency for changing the targets (ETag / If-Match); existing indicators start at 0.
alter table indicator add column version bigint not null default 0;

-- Who recorded a measurement, besides the token subject: the username and the partner they represented. Unknown
-- (null) for measurements recorded before this change.
alter table measurement add column recorded_by_name text;
alter table measurement add column recorded_by_partner_id uuid;

-- The history, newest measured first, keyset (measured_at, recorded_at, id).
create index measurement_history on measurement (indicator_id, measured_at desc, recorded_at desc, id desc);
