-- the host application's own table, migrated by Spring Boot's Flyway from its default location
create table host_invoice (
  id integer primary key,
  note varchar(100) not null
);
