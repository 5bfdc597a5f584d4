-- Every ruleset version that has decided anything, kept whole so that replay never depends on files on disk.
create table ruleset_version (
    version       varchar(64)  primary key,
    round_code    varchar(40)  not null,
    files         varchar      not null,
    registered_at timestamp    not null,
    registered_by varchar(100) not null
);

-- The tamper-evident trail: decisions, task completions and payment status changes, one hash chain.
-- Each entry's hash covers its canonical content and the previous entry's hash.
create table audit_trail (
    seq            bigint       primary key,
    kind           varchar(20)  not null,
    ref_id         varchar(64)  not null,
    application_id varchar(36),
    actor          varchar(100) not null,
    recorded_at    timestamp    not null,
    content        varchar      not null,
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null unique
);
create index ix_audit_trail_application on audit_trail (application_id, seq);
create index ix_audit_trail_ref on audit_trail (kind, ref_id);

-- The chain's head, locked by each append so that entries are chained one after another.
create table audit_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
