-- SoundHub schema, part 6: the words of a recording's title weigh more than the rest of its text
-- (weight A against D), so that ts_rank alone ranks title matches first. Search used to add the
-- title's trigram similarity to every match for that, which cost more than the rest of the
-- ranking for a common word.
DROP INDEX recordings_search_idx;
ALTER TABLE recordings DROP COLUMN search_vector;
ALTER TABLE recordings ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', search_text)) STORED;
CREATE INDEX recordings_search_idx ON recordings USING gin (search_vector)
    WHERE status = 'READY' AND visibility = 'PUBLIC';
