-- A return's round: from its issue, or from the day it was sent back or reopened, until it is
-- submitted. Each round has its own due date (a return sent back late gets working days to mend
-- it) from which the reminders and the escalation are timed.
alter table objective_return add column due_on date;
alter table objective_return add column round_started_at timestamp with time zone;
update objective_return set due_on = (select c.returns_due from cycle c where c.cycle_key = objective_return.cycle_key),
                            round_started_at = updated_at;

-- Who else a message went to (Cc): the SES lead on an overdue lead's chaser. Comma-separated.
alter table message add column cc_ids varchar(2000);
alter table message add column cc_addresses varchar(4000);
