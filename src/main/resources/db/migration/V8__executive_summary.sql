-- The executive summary the coordinators write in the pack review, printed first in the pack in
-- every format. The cycle's latest text (carried to the next review when returns are reopened)
-- and who wrote it when; each version keeps the text it was compiled with.
create table pack_summary (
    cycle_key   varchar(20)   not null primary key,
    summary     text          not null,
    written_by  varchar(255)  not null,
    written_at  timestamp with time zone not null,
    constraint fk_pack_summary_cycle foreign key (cycle_key) references cycle (cycle_key)
);
alter table pack_version add column executive_summary text;
