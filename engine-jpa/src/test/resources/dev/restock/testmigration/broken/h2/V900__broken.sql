-- A deliberately broken migration for the migration tests: it changes schema and data, then fails.
create table broken_marker (id integer);
update product set name = 'BROKEN';
insert into no_such_table values (1);
