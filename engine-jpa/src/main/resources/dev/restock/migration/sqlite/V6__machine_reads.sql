-- Machine reads (issue 16): the counters of each audit file a machine's controller wrote (DEX),
-- the device it was matched to and what the engine derived from it. Append-only like sale: the
-- store has no path that changes or deletes a read, and a read keeps its device after the device
-- is soft-deleted. seq is the append order, which breaks ties between reads of the same time.
-- Money is numeric(12,2) like every other amount; counters of vends are bigint (never reset).
-- Constraints are inline: SQLite cannot add them to an existing table.
create table machine_read (
    seq integer primary key autoincrement,
    id varchar(36) not null unique,
    device_id varchar(36) not null,
    machine_serial varchar(64) not null,
    content_hash varchar(64) not null,
    source_name varchar(1000) not null,
    read_at timestamp not null,
    cash_sales numeric(12,2),
    cash_vends bigint,
    cash_in numeric(12,2),
    cash_out numeric(12,2),
    tube_contents numeric(12,2),
    cashless_sales numeric(12,2),
    cashless_vends bigint,
    total_sales numeric(12,2),
    total_vends bigint,
    baseline boolean not null,
    units_vended integer not null,
    vend_value numeric(12,2) not null,
    cash_delta numeric(12,2),
    cashless_delta numeric(12,2),
    imported_at timestamp not null,
    imported_by varchar(36) not null,
    foreign key (device_id) references device (id)
);
create index ix_machine_read_hash on machine_read (content_hash);
create index ix_machine_read_device on machine_read (device_id, read_at, seq);
create index ix_machine_read_time on machine_read (read_at, seq);

-- The counters of each selection of a read, in the read's order.
create table machine_read_selection (
    read_id varchar(36) not null,
    ordinal integer not null,
    selection varchar(64) not null,
    price numeric(12,2),
    vends bigint not null,
    vend_value numeric(12,2),
    source_line integer not null,
    primary key (read_id, ordinal),
    foreign key (read_id) references machine_read (id)
);
