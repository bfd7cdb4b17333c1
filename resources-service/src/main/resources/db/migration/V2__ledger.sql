-- The delivery ledger (issue #19, hole 2): the recipient side confirms or disputes each delivery, disputed quantities
-- do not count until resolved (a later confirmation, or a correction recorded by the contributor), unreviewed
-- deliveries are confirmed automatically after a period, and FULFILLED means confirmed >= pledged.
--
-- contribution.delivered now counts the deliveries that stand (unreviewed or confirmed, not disputed, not corrected);
-- contribution.confirmed the confirmed ones; contribution.disputed the disputed ones awaiting resolution.

alter table contribution add column confirmed numeric(19,4) not null default 0;   -- confirmed by the recipient side
alter table contribution add column disputed  numeric(19,4) not null default 0;   -- disputed, awaiting resolution

alter table contribution drop constraint contribution_status_check;
alter table contribution add constraint contribution_status_check
    check (status in ('PLEDGED', 'PARTIALLY_DELIVERED', 'DELIVERED', 'FULFILLED', 'WITHDRAWN'));
alter table contribution drop constraint contribution_delivered_within_pledge;
alter table contribution add constraint contribution_delivered_within_pledge
    check (delivered >= 0 and disputed >= 0 and withdrawn >= 0 and confirmed >= 0 and confirmed <= delivered
           and delivered + disputed + withdrawn <= quantity);

-- A disputed delivery is kept (append-only) and may be corrected: the contributor records a corrected delivery that
-- names it (corrects); the disputed one then names its correction (corrected_by) and no longer counts. The dispute
-- itself (who, when, why) is kept when it is later confirmed or corrected.
alter table delivery add column corrects     uuid references delivery (id);
alter table delivery add column corrected_by uuid references delivery (id);
alter table delivery add column dispute_note text;
alter table delivery add column disputed_by  text;
alter table delivery add column disputed_at  timestamptz;
create unique index delivery_corrects on delivery (corrects) where corrects is not null;
-- Unreviewed deliveries by age, for the auto-confirm job.
create index delivery_unreviewed on delivery (recorded_at) where review = 'UNREVIEWED';

-- Existing data: before this change nobody's review counted, so every delivery recorded until now counts as confirmed
-- and says so. A delivery a lead had disputed before is confirmed as well (the dispute changed nothing then); its
-- dispute is kept in the dispute columns.
update delivery
   set dispute_note = review_note, disputed_by = reviewed_by, disputed_at = reviewed_at
 where review = 'DISPUTED';
update delivery
   set review = 'CONFIRMED', reviewed_by = 'system:migration', reviewed_at = now(),
       review_note = 'recorded before deliveries were reviewed (issue #19): confirmed by the migration'
 where review in ('UNREVIEWED', 'DISPUTED');
-- Every delivery now confirmed: confirmed = delivered, so FULFILLED contributions (delivered = pledged) stay FULFILLED.
update contribution set confirmed = delivered;
