-- Each compiled pack version in every format the board and the council use, kept as the exact
-- bytes served, with the SHA-256 of each, so what was approved and published can be served and
-- checked again. The approved version is the one the cycle's approval followed.
create table pack_file (
    cycle_key  varchar(20)  not null,
    version    integer      not null,
    format     varchar(10)  not null,   -- html | pdf | docx | xlsx
    content    bytea        not null,
    sha256     varchar(64)  not null,
    primary key (cycle_key, version, format),
    constraint fk_pack_file_version foreign key (cycle_key, version) references pack_version (cycle_key, version)
);

-- objectives whose returns were not in when the coordinator compiled without them (comma-separated)
alter table pack_version add column missing_objectives text;
-- who compiled without the missing returns, and why
alter table pack_version add column compiled_by varchar(255);
alter table pack_version add column compile_reason text;
