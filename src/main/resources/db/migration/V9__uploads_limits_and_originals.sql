-- Where the browser's presigned PUT puts the file. At confirmation the file is copied to the
-- upload's object_key, which no presigned URL can write, and processed from there; the incoming
-- object is deleted then, and once more after the slot has expired, since a PUT with the old URL
-- can still put it back until then. NULL once nothing can be left there (and for slots made before
-- this column, whose URL wrote object_key itself).
ALTER TABLE uploads ADD COLUMN incoming_key varchar(300);

-- The expiry job finds the incoming objects whose slot has run out.
CREATE INDEX uploads_incoming_expires_idx ON uploads (expires_at) WHERE incoming_key IS NOT NULL;
