-- a host application's own migration, applied by the host's own Flyway before the engine starts
create table host_invoice (
  id integer primary key,
  note varchar(100) not null
);
