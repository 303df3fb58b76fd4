-- Service orders, visits and lines; warehouse stock; delivery notes; gapless number series.

create table service_order (
    estimated_minutes integer not null,
    created_at timestamp not null,
    updated_at timestamp not null,
    version bigint not null,
    status varchar(16) not null check ((status in ('PENDING','ASSIGNED','IN_PROGRESS','COMPLETED','CANCELLED'))),
    number varchar(20) not null,
    created_by varchar(36) not null,
    delivery_note_id varchar(36),
    driver_id varchar(36),
    id varchar(36) not null,
    route_id varchar(36) not null,
    updated_by varchar(36) not null,
    strategy_id varchar(64) not null,
    notes varchar(1000),
    primary key (id),
    foreign key (route_id) references route (id),
    foreign key (driver_id) references app_user (id),
    foreign key (delivery_note_id) references delivery_note (id),
    constraint ux_service_order_number unique (number)
);

create table service_order_aud (
    estimated_minutes integer,
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    status varchar(16) check ((status in ('PENDING','ASSIGNED','IN_PROGRESS','COMPLETED','CANCELLED'))),
    number varchar(20),
    created_by varchar(36),
    delivery_note_id varchar(36),
    driver_id varchar(36),
    id varchar(36) not null,
    route_id varchar(36),
    updated_by varchar(36),
    strategy_id varchar(64),
    notes varchar(1000),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table service_visit (
    cabinet_index integer not null,
    sequence_no integer not null,
    completed_at timestamp,
    status varchar(16) not null check ((status in ('PENDING','COMPLETED','SKIPPED'))),
    cabinet_id varchar(36) not null,
    device_id varchar(36) not null,
    id varchar(36) not null,
    order_id varchar(36) not null,
    device_name varchar(200) not null,
    notes varchar(1000),
    primary key (id),
    foreign key (order_id) references service_order (id),
    foreign key (device_id) references device (id),
    foreign key (cabinet_id) references cabinet (id),
    constraint ux_service_visit_cabinet unique (order_id, cabinet_id)
);

create table service_visit_aud (
    cabinet_index integer,
    revtype tinyint,
    sequence_no integer,
    completed_at timestamp,
    rev integer not null,
    status varchar(16) check ((status in ('PENDING','COMPLETED','SKIPPED'))),
    cabinet_id varchar(36),
    device_id varchar(36),
    id varchar(36) not null,
    order_id varchar(36),
    device_name varchar(200),
    notes varchar(1000),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table order_line (
    delivered integer,
    planned integer not null,
    position varchar(3) not null,
    id varchar(36) not null,
    product_id varchar(36) not null,
    slot_id varchar(36) not null,
    visit_id varchar(36) not null,
    check (planned >= 0 and (delivered is null or delivered >= 0)),
    primary key (id),
    foreign key (visit_id) references service_visit (id),
    foreign key (slot_id) references slot (id),
    foreign key (product_id) references product (id)
);

create table order_line_aud (
    delivered integer,
    planned integer,
    position varchar(3),
    revtype tinyint,
    rev integer not null,
    id varchar(36) not null,
    product_id varchar(36),
    slot_id varchar(36),
    visit_id varchar(36),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table stock_level (
    on_hand integer not null,
    created_at timestamp not null,
    updated_at timestamp not null,
    version bigint not null,
    created_by varchar(36) not null,
    id varchar(36) not null,
    updated_by varchar(36) not null,
    check (on_hand >= 0),
    primary key (id),
    foreign key (id) references product (id)
);

create table stock_level_aud (
    on_hand integer,
    revtype tinyint,
    created_at timestamp,
    rev integer not null,
    updated_at timestamp,
    created_by varchar(36),
    id varchar(36) not null,
    updated_by varchar(36),
    primary key (rev, id),
    foreign key (rev) references audit_revision (id)
);

create table delivery_note (
    issued_at timestamp not null,
    number varchar(20) not null,
    order_number varchar(20) not null,
    id varchar(36) not null,
    order_id varchar(36) not null,
    primary key (id),
    foreign key (order_id) references service_order (id),
    constraint ux_delivery_note_number unique (number),
    constraint ux_delivery_note_order unique (order_id)
);

create table delivery_note_line (
    quantity integer not null,
    id varchar(36) not null,
    note_id varchar(36) not null,
    product_id varchar(36) not null,
    sku varchar(64) not null,
    primary key (id),
    foreign key (note_id) references delivery_note (id),
    foreign key (product_id) references product (id)
);

create table number_series (
    series varchar(40) not null,
    last_value bigint not null,
    primary key (series)
);

create index ix_service_order_route on service_order (route_id);
create index ix_service_visit_order on service_visit (order_id);
create index ix_order_line_visit on order_line (visit_id);
create index ix_delivery_note_line_note on delivery_note_line (note_id);
create index ix_service_order_aud_id on service_order_aud (id, rev);
create index ix_service_visit_aud_id on service_visit_aud (id, rev);
create index ix_order_line_aud_id on order_line_aud (id, rev);
create index ix_stock_level_aud_id on stock_level_aud (id, rev);
