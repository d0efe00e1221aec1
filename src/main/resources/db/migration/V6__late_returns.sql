-- A return left out of a pack compiled without it: it goes on as a late return of its own, and
-- is added to a new version of the pack when it is signed off.
alter table objective_return add column late_since timestamp with time zone;

-- The coordinators' decision to compile the pack without the returns still outstanding: who, when, why.
alter table cycle add column compile_without_by varchar(255);
alter table cycle add column compile_without_at timestamp with time zone;
alter table cycle add column compile_without_reason text;

-- When a version was put before the coordinators for review: approving the review approves that
-- version, even if a late return made a newer one meanwhile.
alter table pack_version add column put_to_review_at timestamp with time zone;
