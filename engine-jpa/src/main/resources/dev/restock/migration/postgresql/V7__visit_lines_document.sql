-- An order as one audited document (issue 17). A visit's lines are audited together as one
-- canonical text per visit (service_visit_lines, written by the engine whenever they change), so a
-- revision that creates or completes a visit writes one history row for its lines, not one per
-- line. order_line stays the current state for queries and is no longer audited; order_line_aud
-- keeps the rows of the revisions written before this version: their chain hashes cover them,
-- and history reads them for visits that have no document yet.
--
-- Like every other audit table, its rows reference their revision without cascading: a revision
-- cannot be deleted while its audit rows exist, and verification's orphan check names audit rows
-- whose revision does not exist (where foreign keys are not enforced).
create table service_visit_lines (
    id varchar(36) not null,
    document varchar(100000) not null,
    primary key (id),
    constraint fk_service_visit_lines_visit foreign key (id) references service_visit (id)
);

create table service_visit_lines_aud (
    rev bigint not null,
    revtype smallint,
    id varchar(36) not null,
    document varchar(100000),
    primary key (rev, id),
    constraint fk_service_visit_lines_aud_rev foreign key (rev) references audit_revision (id)
);

-- history of an order reads its visits' rows by order, and older lines by visit
create index ix_service_visit_lines_aud_id on service_visit_lines_aud (id, rev);
create index ix_service_visit_aud_order on service_visit_aud (order_id);
create index ix_order_line_aud_visit on order_line_aud (visit_id);
