-- A project lead's half-filled return, saved from the form: one per return, whichever browser saved
-- it, until the return is submitted. Its entries as the form holds them (JSON), unvalidated but
-- bounded; who saved it and when.
create table return_draft (
    return_id  bigint primary key references objective_return (id),
    content    text         not null,
    saved_by   varchar(255) not null,
    saved_at   timestamp with time zone not null
);
