-- SoundHub schema, part 4: the community. Likes, plays, timed comments, follows, direct messages,
-- notifications, reports, rate limits, profile pictures and search.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Profile pictures: resized copies in the bucket; the version changes their URL when replaced.
ALTER TABLE members
    ADD COLUMN avatar_key     varchar(300),
    ADD COLUMN banner_key     varchar(300),
    ADD COLUMN images_version integer NOT NULL DEFAULT 0;
CREATE INDEX members_nickname_trgm_idx ON members USING gin (lower(nickname) gin_trgm_ops);

-- Search: one text per recording (title, description, tags, genre, instruments), kept by the
-- application, indexed for full-text search ('simple': no stemming, works for Korean and English
-- alike, prefixes match) and for trigram similarity (typos, partial words).
ALTER TABLE recordings ADD COLUMN search_text text NOT NULL DEFAULT '';
ALTER TABLE recordings ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX recordings_search_idx ON recordings USING gin (search_vector)
    WHERE status = 'READY' AND visibility = 'PUBLIC';
CREATE INDEX recordings_title_trgm_idx ON recordings USING gin (lower(title) gin_trgm_ops)
    WHERE status = 'READY' AND visibility = 'PUBLIC';
CREATE INDEX recording_tags_trgm_idx ON recording_tags USING gin (tag gin_trgm_ops);

UPDATE recordings r SET search_text = concat_ws(' ', r.title, r.description,
        (SELECT string_agg(t.tag, ' ') FROM recording_tags t WHERE t.recording_id = r.id),
        (SELECT g.name FROM genres g WHERE g.id = r.genre_id),
        (SELECT string_agg(i.name, ' ') FROM recording_instruments ri JOIN instruments i ON i.id = ri.instrument_id
          WHERE ri.recording_id = r.id));

-- Feeds: by genre, by member (profiles, "following"), keyset-paginated on (published_at, id).
CREATE INDEX recordings_genre_feed_idx ON recordings (genre_id, published_at DESC, id DESC)
    WHERE status = 'READY' AND visibility = 'PUBLIC';
CREATE INDEX recordings_owner_feed_idx ON recordings (owner_id, published_at DESC, id DESC)
    WHERE status = 'READY' AND visibility = 'PUBLIC';
CREATE INDEX recording_instruments_instrument_idx ON recording_instruments (instrument_id, recording_id);

CREATE TABLE recording_likes (
    recording_id bigint      NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    member_id    bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recording_id, member_id)
);
CREATE INDEX recording_likes_member_idx ON recording_likes (member_id, created_at DESC, recording_id DESC);
CREATE INDEX recording_likes_recent_idx ON recording_likes (created_at);

-- A listener counts once per recording per half hour: the time of their last counted play.
CREATE TABLE recording_listens (
    recording_id bigint      NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    listener     varchar(64) NOT NULL,
    counted_at   timestamptz NOT NULL,
    PRIMARY KEY (recording_id, listener)
);
CREATE INDEX recording_listens_counted_idx ON recording_listens (counted_at);

CREATE TABLE recording_daily_plays (
    recording_id bigint  NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    day          date    NOT NULL,
    plays        integer NOT NULL,
    PRIMARY KEY (recording_id, day)
);
CREATE INDEX recording_daily_plays_day_idx ON recording_daily_plays (day);

-- Trending: recomputed every few minutes by one instance from the last seven days of likes and plays.
CREATE TABLE trending_recordings (
    recording_id bigint      PRIMARY KEY REFERENCES recordings (id) ON DELETE CASCADE,
    score        integer     NOT NULL,
    computed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trending_recordings_score_idx ON trending_recordings (score DESC, recording_id DESC);

CREATE TABLE comments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recording_id bigint        NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    author_id    bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    -- Replies hang under a top-level comment; a reply to a reply joins the same thread.
    parent_id    bigint REFERENCES comments (id) ON DELETE CASCADE,
    at_ms        integer CHECK (at_ms >= 0),
    body         varchar(1000) NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    -- A deleted comment with replies stays as a placeholder so the thread still reads.
    deleted_at   timestamptz
);
CREATE INDEX comments_recording_idx ON comments (recording_id, created_at DESC, id DESC);
CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author_idx ON comments (author_id);

CREATE TABLE follows (
    follower_id bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    followee_id bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);
CREATE INDEX follows_followee_idx ON follows (followee_id, created_at DESC, follower_id DESC);
CREATE INDEX follows_follower_idx ON follows (follower_id, created_at DESC, followee_id DESC);

-- Direct messages: a conversation between two members; each keeps its own read mark and may
-- delete its copy (messages before cleared_at are gone for that member only).
CREATE TABLE conversations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_low_id   bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    member_high_id  bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (member_low_id, member_high_id),
    CHECK (member_low_id < member_high_id)
);

CREATE TABLE conversation_members (
    conversation_id bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    member_id       bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    last_read_at    timestamptz NOT NULL DEFAULT '-infinity',
    cleared_at      timestamptz NOT NULL DEFAULT '-infinity',
    PRIMARY KEY (conversation_id, member_id)
);
CREATE INDEX conversation_members_member_idx ON conversation_members (member_id);

CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id       bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    body            varchar(4000) NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at DESC, id DESC);

CREATE TABLE notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    kind         varchar(12) NOT NULL CHECK (kind IN ('LIKE', 'COMMENT', 'REPLY', 'FOLLOW', 'MESSAGE')),
    actor_id     bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    recording_id bigint REFERENCES recordings (id) ON DELETE CASCADE,
    comment_id   bigint REFERENCES comments (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL;

CREATE TABLE reports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reporter_id bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    target_kind varchar(12)   NOT NULL CHECK (target_kind IN ('RECORDING', 'COMMENT', 'MEMBER')),
    target_ref  varchar(40)   NOT NULL,
    reason      varchar(12)   NOT NULL CHECK (reason IN ('COPYRIGHT', 'OFFENSIVE', 'SPAM', 'OTHER')),
    details     varchar(2000) NOT NULL DEFAULT '',
    status      varchar(12)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACTIONED', 'DISMISSED')),
    created_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX reports_open_idx ON reports (created_at) WHERE status = 'OPEN';
-- One open report per member and thing: reporting twice does not shout louder.
CREATE UNIQUE INDEX reports_once_idx ON reports (reporter_id, target_kind, target_ref) WHERE status = 'OPEN';

-- Rate limits per member and action in fixed windows, shared by all instances.
CREATE TABLE rate_limit_windows (
    member_id    bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    action       varchar(20) NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (member_id, action, window_start)
);
CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start);
