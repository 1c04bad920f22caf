-- SoundHub schema, part 5: how many listed recordings carry each tag, kept by triggers in the same
-- transaction as the change. Search suggests tags from this small table instead of counting the
-- tags of every matching recording on each search (tens of milliseconds for a common tag).
-- A recording counts while it is READY and PUBLIC, as everywhere else a stranger can see it.

CREATE TABLE tag_counts (
    tag        varchar(40) PRIMARY KEY,
    recordings integer     NOT NULL DEFAULT 0 CHECK (recordings >= 0)
);
CREATE INDEX tag_counts_trgm_idx ON tag_counts USING gin (tag gin_trgm_ops);

CREATE FUNCTION count_tag(counted_tag varchar, delta integer) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO tag_counts AS c (tag, recordings) VALUES (counted_tag, greatest(delta, 0))
    ON CONFLICT (tag) DO UPDATE SET recordings = greatest(c.recordings + delta, 0);
$$;

CREATE FUNCTION recording_is_listed(recording bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording AND r.status = 'READY' AND r.visibility = 'PUBLIC');
$$;

-- A tag added to or taken from a listed recording.
CREATE FUNCTION tag_rows_counted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND recording_is_listed(OLD.recording_id) THEN
        PERFORM count_tag(OLD.tag, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND recording_is_listed(NEW.recording_id) THEN
        PERFORM count_tag(NEW.tag, 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER recording_tags_counted AFTER INSERT OR UPDATE OR DELETE ON recording_tags
    FOR EACH ROW EXECUTE FUNCTION tag_rows_counted();

-- A recording that becomes listed or stops being listed, tags and all.
CREATE FUNCTION recording_listing_counted() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    was_listed boolean := TG_OP <> 'INSERT' AND OLD.status = 'READY' AND OLD.visibility = 'PUBLIC';
    is_listed  boolean := TG_OP <> 'DELETE' AND NEW.status = 'READY' AND NEW.visibility = 'PUBLIC';
BEGIN
    IF was_listed <> is_listed THEN
        PERFORM count_tag(t.tag, CASE WHEN is_listed THEN 1 ELSE -1 END)
        FROM recording_tags t WHERE t.recording_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER recordings_listing_counted AFTER UPDATE OF status, visibility ON recordings
    FOR EACH ROW EXECUTE FUNCTION recording_listing_counted();
-- Before the delete, while its tags are still there: the cascade that removes them comes after,
-- when the recording no longer counts as listed.
CREATE TRIGGER recordings_deletion_counted BEFORE DELETE ON recordings
    FOR EACH ROW EXECUTE FUNCTION recording_listing_counted();

INSERT INTO tag_counts (tag, recordings)
SELECT t.tag, count(*)
FROM recording_tags t
JOIN recordings r ON r.id = t.recording_id AND r.status = 'READY' AND r.visibility = 'PUBLIC'
GROUP BY t.tag;
