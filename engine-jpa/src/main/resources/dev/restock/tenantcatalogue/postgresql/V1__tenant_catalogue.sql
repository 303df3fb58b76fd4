-- The tenant catalogue of a multi-tenant Restock deployment: which tenants exist, where each
-- lives (its placement: a file, a schema, a shard) and the log of what was done to tenants as a
-- whole. Kept apart from every tenant's store, under its own Flyway location and history table.

create table restock_tenant (
  id          varchar(30)  not null primary key,
  name        varchar(200) not null,
  status      varchar(10)  not null check (status in ('ACTIVE', 'RETIRED')),
  placement   varchar(100) not null,
  created_at  timestamptz not null,
  created_by  varchar(36)  not null,
  retired_at  timestamptz,
  retired_by  varchar(36),
  check ((status = 'ACTIVE' and retired_at is null and retired_by is null)
      or (status = 'RETIRED' and retired_at is not null and retired_by is not null))
);

-- the log's numbers come from this one row, locked by the update that takes the next number, so
-- concurrent writers (threads or processes) queue there and the sequence has no gaps
create table restock_tenant_event_counter (
  id             integer not null primary key check (id = 1),
  last_sequence  bigint  not null
);
insert into restock_tenant_event_counter (id, last_sequence) values (1, 0);

create table restock_tenant_event (
  sequence   bigint        not null primary key,
  at         timestamptz not null,
  actor_id   varchar(36)   not null,
  action     varchar(100)  not null,
  tenant_id  varchar(30),
  reason     varchar(500),
  detail     varchar(2000)
);
