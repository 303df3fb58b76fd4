-- Restock schema, version 1. Hand-maintained: Hibernate only validates it.
-- Uniqueness holds among live rows (deleted_at IS NULL) only, so a soft-deleted value can be reused.

create table app_user (
    active boolean not null,
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    role varchar(16) not null check ((role in ('ADMIN','MANAGER','DRIVER','VIEWER'))),
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    username varchar(64) not null,
    email varchar(254) not null,
    primary key (id)
);

create table app_user_aud (
    active boolean,
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    role varchar(16) check ((role in ('ADMIN','MANAGER','DRIVER','VIEWER'))),
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    username varchar(64),
    email varchar(254),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table audit_revision (
    id integer primary key autoincrement,
    revision_time bigint not null,
    actor_id varchar(36) not null,
    action varchar(100) not null,
    client_address varchar(100),
    reason varchar(500),
    user_agent varchar(500)
);

create table cabinet (
    cabinet_index integer not null,
    grid_columns integer not null,
    grid_rows integer not null,
    deleted_at timestamp,
    cabinet_type_id varchar(36) not null,
    device_id varchar(36) not null,
    id varchar(36) not null,
    primary key (id),
    foreign key (device_id) references device (id),
    foreign key (cabinet_type_id) references cabinet_type (id)
);

create table cabinet_aud (
    cabinet_index integer,
    grid_columns integer,
    grid_rows integer,
    revtype tinyint,
    rev integer not null,
    cabinet_type_id varchar(36),
    device_id varchar(36),
    id varchar(36) not null,
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table cabinet_type (
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    name varchar(200) not null,
    primary key (id)
);

create table cabinet_type_aud (
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table device (
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    device_type_id varchar(36) not null,
    id varchar(36) not null,
    location_id varchar(36) not null,
    route_id varchar(36),
    updated_by varchar(36) not null,
    serial_number varchar(64) not null,
    name varchar(200) not null,
    primary key (id),
    foreign key (location_id) references location (id),
    foreign key (route_id) references route (id),
    foreign key (device_type_id) references device_type (id)
);

create table device_aud (
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    device_type_id varchar(36),
    id varchar(36) not null,
    location_id varchar(36),
    route_id varchar(36),
    updated_by varchar(36),
    serial_number varchar(64),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table device_type (
    max_cabinets integer not null,
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    name varchar(200) not null,
    primary key (id)
);

create table device_type_aud (
    max_cabinets integer,
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table location (
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    name varchar(200) not null,
    address varchar(500),
    primary key (id)
);

create table location_aud (
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    name varchar(200),
    address varchar(500),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table planogram (
    active boolean not null,
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    cabinet_id varchar(36) not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    name varchar(200) not null,
    primary key (id),
    foreign key (cabinet_id) references cabinet (id)
);

create table planogram_aud (
    active boolean,
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    cabinet_id varchar(36),
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table product (
    active boolean not null,
    case_pack integer not null,
    price numeric(12,2) not null,
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    sku varchar(64) not null,
    category varchar(100),
    name varchar(200) not null,
    primary key (id)
);

create table product_aud (
    active boolean,
    case_pack integer,
    price numeric(12,2),
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    sku varchar(64),
    category varchar(100),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table route (
    visit_interval_days integer not null,
    created_at timestamp not null,
    deleted_at timestamp,
    updated_at timestamp not null,
    version bigint not null,
    code varchar(32) not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    name varchar(200) not null,
    primary key (id)
);

create table route_aud (
    revtype tinyint,
    visit_interval_days integer,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    code varchar(32),
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    name varchar(200),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table sale (
    new_quantity integer not null,
    previous_quantity integer not null,
    units integer not null,
    recorded_at timestamp not null,
    seq integer primary key autoincrement,
    id varchar(36) not null,
    product_id varchar(36) not null,
    recorded_by varchar(36) not null,
    slot_id varchar(36) not null,
    foreign key (slot_id) references slot (id),
    foreign key (product_id) references product (id)
);

create table slot (
    capacity integer not null,
    par_level integer not null,
    position varchar(3) not null,
    price numeric(12,2),
    quantity integer not null,
    deleted_at timestamp,
    id varchar(36) not null,
    planogram_id varchar(36) not null,
    product_id varchar(36),
    primary key (id),
    foreign key (planogram_id) references planogram (id),
    foreign key (product_id) references product (id)
);

create table slot_aud (
    capacity integer,
    par_level integer,
    position varchar(3),
    price numeric(12,2),
    quantity integer,
    revtype tinyint,
    rev integer not null,
    id varchar(36) not null,
    planogram_id varchar(36),
    product_id varchar(36),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create unique index ux_product_sku on product (sku) where deleted_at is null;
create unique index ux_route_code on route (code) where deleted_at is null;
create unique index ux_device_serial on device (serial_number) where deleted_at is null;
create unique index ux_app_user_username on app_user (username) where deleted_at is null;
create unique index ux_app_user_email on app_user (email) where deleted_at is null;
create unique index ux_cabinet_index on cabinet (device_id, cabinet_index) where deleted_at is null;
create unique index ux_slot_position on slot (planogram_id, position) where deleted_at is null;
create unique index ux_planogram_active on planogram (cabinet_id) where deleted_at is null and active;

create index ix_device_route on device (route_id);
create index ix_device_location on device (location_id);
create index ix_cabinet_device on cabinet (device_id);
create index ix_planogram_cabinet on planogram (cabinet_id);
create index ix_slot_planogram on slot (planogram_id);
create index ix_slot_product on slot (product_id);
create index ix_sale_slot on sale (slot_id, recorded_at);
create index ix_audit_revision_actor on audit_revision (actor_id, revision_time);
create index ix_app_user_aud_id on app_user_aud (id, rev);
create index ix_cabinet_aud_id on cabinet_aud (id, rev);
create index ix_cabinet_type_aud_id on cabinet_type_aud (id, rev);
create index ix_device_aud_id on device_aud (id, rev);
create index ix_device_type_aud_id on device_type_aud (id, rev);
create index ix_location_aud_id on location_aud (id, rev);
create index ix_planogram_aud_id on planogram_aud (id, rev);
create index ix_product_aud_id on product_aud (id, rev);
create index ix_route_aud_id on route_aud (id, rev);
create index ix_slot_aud_id on slot_aud (id, rev);
