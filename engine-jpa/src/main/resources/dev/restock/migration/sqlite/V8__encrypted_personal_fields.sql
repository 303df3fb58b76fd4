-- Encrypted personal fields and erasure (issue 20). A store given master keys seals app_user.email,
-- location.address, service_order.notes and service_visit.notes as ENC1.<dek>.<ciphertext>.<commitment>
-- (docs/personal-data.md); SQLite does not enforce text lengths, so no column is widened.
-- subject_key holds each subject's data keys wrapped under a master key; it is not audited and not
-- hash-chained, so deleting a subject's rows destroys every copy of its values (crypto-shredding).
create table subject_key (
    id integer primary key autoincrement,
    subject varchar(80) not null,
    kek_id varchar(32) not null,
    wrapped varchar(200) not null,
    created_at timestamp not null
);
create index ix_subject_key_subject on subject_key (subject);

create table erased_subject (
    subject varchar(80) primary key,
    erased_at timestamp not null
);

-- equality index (HMAC-SHA256 under the index key), never audited; live email uniqueness moves here
alter table app_user add column email_hmac varchar(64);
alter table location add column address_hmac varchar(64);
create unique index ux_app_user_email_hmac on app_user (email_hmac) where deleted_at is null;
