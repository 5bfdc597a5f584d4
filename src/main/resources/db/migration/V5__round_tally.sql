-- Where each round stands, kept as a running tally beside the awards: the decision that records an award
-- updates it in the same transaction, under the award lock below. A decision then reads the round's position
-- in one indexed query instead of aggregating every award of the round.
alter table round_position add column accepted integer default 0 not null;
alter table round_position add column committed_amount numeric(16,2) default 0 not null;

-- AWARD_TYPE: awards of that type; LEAD_TYPE: applications holding any award whose lead is of that type.
create table round_count (
    round_code varchar(40) not null references round_position (round_code),
    dimension  varchar(20) not null check (dimension in ('AWARD_TYPE', 'LEAD_TYPE')),
    name       varchar(60) not null,
    n          integer     not null check (n > 0),
    primary key (round_code, dimension, name)
);

update round_position set
    accepted = (select count(distinct w.application_id) from award w where w.round_code = round_position.round_code),
    committed_amount = (select coalesce(sum(w.amount), 0) from award w where w.round_code = round_position.round_code);

insert into round_count (round_code, dimension, name, n)
select round_code, 'AWARD_TYPE', type, count(*) from award group by round_code, type;

insert into round_count (round_code, dimension, name, n)
select w.round_code, 'LEAD_TYPE', a.lead_type, count(distinct w.application_id)
from award w join application a on a.id = w.application_id
group by w.round_code, a.lead_type;

-- Double funding (E8) looks up the awards held in an application's district, ignoring case: an index on the
-- district as lower(trim(...)) makes that lookup independent of how many applications and awards there are.
alter table application add column area_district_key varchar(300);
update application set area_district_key = lower(trim(area_district));
create index ix_application_district_key on application (area_district_key);

-- One row, locked (SELECT ... FOR UPDATE) by each decision that books awards, until it commits: awards are
-- booked one decision at a time, across rounds and nodes, on figures no other transaction can change meanwhile.
-- It replaces locking the round's row, which an application's insert holds a key-share lock on in PostgreSQL.
create table award_lock (
    id integer primary key
);
insert into award_lock (id) values (1);
