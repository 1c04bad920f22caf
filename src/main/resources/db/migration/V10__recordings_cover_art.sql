-- SoundHub schema, part 10: a recording's cover picture, chosen by its owner. The picture is stored
-- in the bucket under the recording's prefix (so deleting the recording deletes it); the row keeps
-- its key, which changes with every new picture, so the picture's address can be cached for good.
-- Recordings without one keep the generated artwork.

ALTER TABLE recordings ADD COLUMN cover_key varchar(300);
