-- A host application's own migration, in Flyway's default location (classpath:db/migration):
-- it must run beside the engine's jar without clashing with the engine's migrations.
create table host_invoice (id integer primary key, amount numeric(10, 2) not null);
