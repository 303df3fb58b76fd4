-- The web host's own accounts: Restock knows users and roles, the host knows their passwords.
-- Passwords are stored as Spring Security encoded hashes ({bcrypt}...), never in clear.
create table web_account (
  username varchar(64) not null primary key,
  password_hash varchar(255) not null,
  user_id varchar(36) not null
);
