-- The history chain starts at a recorded genesis (issue 13). A database whose chain already has
-- revisions keeps the all-zero genesis its hashes were computed from; one whose chain is still
-- empty (a new database) draws a random one, so that no two stores share a chain and a wiped
-- history cannot pass for a new one. Revisions up to genesis_after_revision were written before
-- chaining existed; every later one must be chained.
alter table audit_chain_head add column genesis varchar(64) default '0000000000000000000000000000000000000000000000000000000000000000' not null;
alter table audit_chain_head add column genesis_after_revision bigint default 0 not null;
update audit_chain_head set genesis = lower(hex(randomblob(32))) where seq = 0;
-- an empty chain's head hash is its genesis: the first revision links to it
update audit_chain_head set hash = genesis where seq = 0;
update audit_chain_head set genesis_after_revision =
    coalesce((select max(id) from audit_revision where chain_seq is null), 0);

-- Checkpoints of the chain (tree heads), signed with a key kept outside the database. The time is
-- kept as the exact ISO-8601 text the signature covers, so no database rounding can break it.
create table audit_checkpoint (
    id integer primary key autoincrement,
    genesis varchar(64) not null,
    tree_size bigint not null,
    root_hash varchar(64) not null,
    chain_hash varchar(64) not null,
    checkpoint_time varchar(40) not null,
    key_id varchar(64),
    signature varchar(200)
);
create index ix_audit_checkpoint_size on audit_checkpoint (tree_size);

-- verification and sealing read a revision's audit events by revision
create index ix_audit_log_revision on audit_log (revision_id);
