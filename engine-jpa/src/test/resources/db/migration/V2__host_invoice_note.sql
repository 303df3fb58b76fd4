-- The host's second migration, applied after the engine has migrated the same schema.
alter table host_invoice add column note varchar(100);
