-- Audit you can prove: correlation id and a hash chain on every revision, an explicit restore
-- marker on entities without audit stamps, and the domain audit log (seed 000's audit_log).

alter table audit_revision add column correlation_id varchar(100);
-- position of the revision in the hash chain (commit order), the previous revision's hash and
-- this revision's hash over its own fields, the audited rows it wrote and the previous hash
alter table audit_revision add column chain_seq bigint;
alter table audit_revision add column prev_hash varchar(64);
alter table audit_revision add column hash varchar(64);
create unique index ux_audit_revision_chain on audit_revision (chain_seq);
create index ix_audit_revision_actor_time on audit_revision (actor_id, revision_time);
create index ix_audit_revision_time on audit_revision (revision_time);

-- one row: the head of the hash chain; writers lock it so the chain follows commit order
create table audit_chain_head (
    id integer not null primary key,
    seq bigint not null,
    hash varchar(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- cabinets and slots carry no audit stamps; a restore sets this so history records it as a change
alter table cabinet add column restored_at timestamp;
alter table cabinet_aud add column restored_at timestamp;
alter table slot add column restored_at timestamp;
alter table slot_aud add column restored_at timestamp;

create table audit_log (
    id integer primary key autoincrement,
    revision_id bigint not null,
    actor_id varchar(36) not null,
    action varchar(100) not null,
    resource_type varchar(50),
    resource_id varchar(36),
    details varchar(4000),
    client_address varchar(100),
    user_agent varchar(500),
    correlation_id varchar(100),
    created_at timestamp not null,
    foreign key (revision_id) references audit_revision (id)
);
create index ix_audit_log_actor on audit_log (actor_id);
create index ix_audit_log_created_at on audit_log (created_at);
create index ix_audit_log_resource on audit_log (resource_type, resource_id);
create index ix_audit_log_action on audit_log (action);
