-- A suspended member's comments are hidden with them, and come back when they are reinstated.
ALTER TABLE comments ADD COLUMN hidden_with_author boolean NOT NULL DEFAULT false;

-- A comment hidden by a moderator shows as hidden to everyone until it is shown again.
ALTER TABLE comments ADD COLUMN hidden_reason varchar(500);
