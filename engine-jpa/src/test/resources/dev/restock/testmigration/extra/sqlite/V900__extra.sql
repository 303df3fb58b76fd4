-- A harmless extra migration for the migration tests.
create table extra_note (id integer primary key, note varchar(100));
