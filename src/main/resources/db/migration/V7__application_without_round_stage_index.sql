-- The application table loses its (round_code, stage) index. No step of an application's lifecycle reads by it (the
-- round's reports and the console read a round through uq_application_lead_round's round_code as well), yet every
-- change of stage wrote it, and on PostgreSQL, before the table had been analysed, the planner took it for the
-- submission's look-up by round and lead (it is the smaller index) and read the whole round for each submission
-- (docs/benchmarks.md, fix 48).
drop index ix_application_round_stage;
