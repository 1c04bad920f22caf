package com.soundhub.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Fills a local database with a big catalogue for load tests: members, recordings with genres,
 * instruments, tags and searchable titles in English and Korean, likes, timed comments and
 * replies, follows and daily plays, then the counters and the trending ranking.
 *
 * <p>Run it with {@code ./mvnw -Pseed} (see the README). Options: {@code --data=var},
 * {@code --db-port=54329} (as the local launcher: PostgreSQL is started on the data folder when
 * nothing listens on the port, else the running one is used), {@code --members=10000},
 * {@code --recordings=100000}, {@code --likes=1000000}, {@code --comments=200000},
 * {@code --follows=200000}, {@code --plays-days=14}.
 *
 * <p>Everything is made in a few set-based statements from {@code generate_series} and a hash of
 * the row number, so the same options on the same database give the same catalogue. The numbers
 * are totals of seeded rows: running again with bigger numbers adds only what is missing. Seeded
 * members are {@code seed-000001} ... with emails {@code seed-000001@soundhub.local} and the
 * password {@value #PASSWORD}; seeded recordings all play the audio of one existing recording.
 */
public final class SeedCatalogue {

    static final String PASSWORD = "listen-to-this";
    static final String RUN_FIRST = "Run ./mvnw -Prun once first, with the same --data and --db-port, so that SoundHub "
            + "creates the schema (and its demo pieces, whose audio the seeded recordings share); then seed, while it "
            + "runs or after stopping it.";

    private final Connection db;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private SeedCatalogue(Connection db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        try {
            seed(parse(args));
        } catch (Stop stop) {
            say(stop.getMessage());
            System.exit(2);
        }
    }

    private static void seed(Map<String, String> options) throws Exception {
        Path data = Path.of(options.getOrDefault("data", "var"));
        int port = Integer.parseInt(options.getOrDefault("db-port", "54329"));
        int members = count(options, "members", 10_000);
        int recordings = count(options, "recordings", 100_000);
        long likes = count(options, "likes", 1_000_000);
        long comments = count(options, "comments", 200_000);
        long follows = count(options, "follows", 200_000);
        int playDays = count(options, "plays-days", 14);
        if (members < 2 && (recordings > 0 || follows > 0)) {
            stop("Seeding recordings and follows needs at least 2 members.");
        }

        EmbeddedDatabase started = null;
        if (!listening(port)) {
            Path postgres = data.resolve("postgres").toAbsolutePath();
            if (!Files.exists(postgres.resolve("PG_VERSION"))) {
                stop("There is no database in " + postgres + " yet. " + RUN_FIRST);
            }
            say("Starting PostgreSQL (data in " + postgres + ") ...");
            started = EmbeddedDatabase.start(postgres, port);
        } else {
            say("Using the PostgreSQL server already running on port " + port + ".");
        }
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE,
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
            SeedCatalogue seed = new SeedCatalogue(db);
            seed.requireSchema();
            seed.prepare();
            seed.members(members);
            seed.recordings(recordings);
            seed.likes(likes);
            seed.comments(comments);
            seed.follows(follows);
            seed.plays(playDays);
            seed.counters();
            seed.trending();
            seed.analyze();
            seed.report(System.nanoTime() - began);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Steps

    private void requireSchema() throws SQLException {
        boolean migrated = queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename = 'flyway_schema_history'") > 0;
        if (!migrated) {
            stop("The database has no SoundHub schema yet (no flyway_schema_history table). " + RUN_FIRST);
        }
        boolean community = queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = 'recordings' AND column_name = 'search_text'") > 0;
        if (!community) {
            stop("The database schema is older than this seed command (no recordings.search_text). " + RUN_FIRST);
        }
    }

    /** Session settings, the hash function every choice is made with, and the word lists. */
    private void prepare() throws SQLException {
        db.setAutoCommit(true);
        execute("SET synchronous_commit = off");
        execute("SET work_mem = '256MB'");
        execute("SET maintenance_work_mem = '512MB'");
        execute("SET jit = off");
        // A number in [0, 1) from a row number and a salt: the same inputs always give the same number.
        execute("""
                CREATE OR REPLACE FUNCTION pg_temp.u(k bigint, salt bigint) RETURNS double precision
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT ((hashint8extended(k, salt) >> 11) & 9007199254740991)::double precision / 9007199254740992.0 $$""");
        // Eleven base-62 characters, as PublicIds makes them.
        execute("""
                CREATE OR REPLACE FUNCTION pg_temp.public_id(k bigint) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                                              1 + ((hashint8extended(k, 7000 + i) % 62 + 62) % 62)::int, 1), '' ORDER BY i)
                      FROM generate_series(1, 11) i $$""");
        execute("DROP TABLE IF EXISTS seed_lists");
        execute("""
                CREATE TEMP TABLE seed_lists (
                    en_adj text[], en_noun text[], ko_adj text[], ko_noun text[], suffixes text[],
                    descriptions text[], bios text[], tags text[], comments text[], replies text[],
                    keys text[], licenses text[], genres smallint[], instruments smallint[])""");
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO seed_lists VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    (SELECT array_agg(id ORDER BY position) FROM genres WHERE active),
                    (SELECT array_agg(id ORDER BY position) FROM instruments WHERE active))""")) {
            List<List<String>> lists = List.of(Words.EN_ADJECTIVES, Words.EN_NOUNS, Words.KO_ADJECTIVES, Words.KO_NOUNS,
                    Words.SUFFIXES, Words.DESCRIPTIONS, Words.BIOS, Words.TAGS, Words.COMMENTS, Words.REPLIES,
                    Words.KEYS, Words.LICENSES);
            for (int i = 0; i < lists.size(); i++) {
                insert.setArray(i + 1, db.createArrayOf("text", lists.get(i).toArray()));
            }
            insert.executeUpdate();
        }
        if (queryLong("SELECT coalesce(cardinality(genres), 0) * coalesce(cardinality(instruments), 0) FROM seed_lists") == 0) {
            stop("The database has no active genres or instruments to seed recordings with.");
        }
    }

    private void members(int target) throws SQLException, GeneralSecurityException {
        long start = System.nanoTime();
        String hash = passwordHash(PASSWORD);
        int added;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO members (email, nickname, password_hash, bio, created_at, password_changed_at)
                SELECT seed.nickname || '@soundhub.local', seed.nickname, ?,
                       CASE WHEN pg_temp.u(n, 32) < 0.55 THEN l.bios[1 + floor(pg_temp.u(n, 33) * cardinality(l.bios))::int]
                            ELSE '' END,
                       seed.joined, seed.joined
                FROM generate_series(1, ?) n
                CROSS JOIN seed_lists l
                CROSS JOIN LATERAL (SELECT 'seed-' || lpad(n::text, 6, '0') AS nickname,
                                           now() - interval '800 days' - pg_temp.u(n, 31) * interval '300 days' AS joined) seed
                WHERE NOT EXISTS (SELECT 1 FROM members m WHERE lower(m.nickname) = seed.nickname)
                ORDER BY n
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, hash);
            insert.setInt(2, target);
            added = insert.executeUpdate();
        }
        execute("DROP TABLE IF EXISTS seed_members");
        execute("""
                CREATE TEMP TABLE seed_members AS
                SELECT row_number() OVER (ORDER BY m.id)::int AS n, m.id
                FROM members m
                WHERE m.nickname LIKE 'seed-%' AND m.email LIKE 'seed-%@soundhub.local' AND m.status = 'ACTIVE'""");
        execute("ALTER TABLE seed_members ADD PRIMARY KEY (n)");
        execute("ANALYZE seed_members");
        // About half of the new members name one or two favourite genres.
        execute("""
                INSERT INTO member_favourite_genres (member_id, genre_id)
                SELECT s.id, l.genres[1 + floor(pg_temp.u(s.n, 40 + j) * cardinality(l.genres))::int]
                FROM seed_members s CROSS JOIN seed_lists l CROSS JOIN generate_series(1, 2) j
                WHERE s.n > %d AND pg_temp.u(s.n, 39) < 0.5 AND (j = 1 OR pg_temp.u(s.n, 38) < 0.5)
                ON CONFLICT DO NOTHING""".formatted(count("seed_members") - added));
        step("members", count("seed_members"), added(added), start);
    }

    private void recordings(int target) throws SQLException {
        long start = System.nanoTime();
        long[] existing = queryLongs("SELECT count(*), coalesce(max(substring(original_name FROM '^seed-([0-9]+)$')::bigint), 0) "
                + "FROM recordings WHERE original_name LIKE 'seed-%' AND original_key IS NULL");
        long missing = Math.max(0, target - existing[0]);
        long template = templateRecording();
        long added = 0;
        if (missing > 0) {
            long members = count("seed_members");
            long first = existing[1] + 1;
            long last = existing[1] + missing;
            execute("DROP TABLE IF EXISTS seed_stage");
            execute("""
                    CREATE TEMP TABLE seed_stage AS
                    SELECT k,
                           s.id AS owner_id,
                           pg_temp.public_id(k) AS public_id,
                           left(CASE WHEN pg_temp.u(k, 10) < 0.68
                                         THEN l.en_adj[1 + floor(pg_temp.u(k, 11) * cardinality(l.en_adj))::int] || ' '
                                              || l.en_noun[1 + floor(pg_temp.u(k, 12) * cardinality(l.en_noun))::int]
                                     WHEN pg_temp.u(k, 10) < 0.93
                                         THEN l.ko_adj[1 + floor(pg_temp.u(k, 11) * cardinality(l.ko_adj))::int] || ' '
                                              || l.ko_noun[1 + floor(pg_temp.u(k, 12) * cardinality(l.ko_noun))::int]
                                     ELSE l.en_noun[1 + floor(pg_temp.u(k, 12) * cardinality(l.en_noun))::int] || ' ('
                                          || l.ko_noun[1 + floor(pg_temp.u(k, 11) * cardinality(l.ko_noun))::int] || ')'
                                END
                                || CASE WHEN pg_temp.u(k, 13) < 0.2
                                        THEN ' ' || l.suffixes[1 + floor(pg_temp.u(k, 14) * cardinality(l.suffixes))::int]
                                        ELSE '' END, 200) AS title,
                           CASE WHEN pg_temp.u(k, 15) < 0.15 THEN ''
                                WHEN pg_temp.u(k, 15) < 0.6
                                    THEN l.descriptions[1 + floor(pg_temp.u(k, 16) * cardinality(l.descriptions))::int]
                                ELSE l.descriptions[1 + floor(pg_temp.u(k, 16) * cardinality(l.descriptions))::int] || E'\\n\\n'
                                     || l.descriptions[1 + floor(pg_temp.u(k, 17) * cardinality(l.descriptions))::int]
                           END AS description,
                           l.genres[1 + floor(pg_temp.u(k, 2) ^ 1.3 * cardinality(l.genres))::int] AS genre_id,
                           (60 + floor(pg_temp.u(k, 3) * 121))::smallint AS bpm,
                           CASE WHEN pg_temp.u(k, 4) < 0.8
                                THEN l.keys[1 + floor(pg_temp.u(k, 5) * cardinality(l.keys))::int] END AS musical_key,
                           l.licenses[1 + floor(pg_temp.u(k, 6) * cardinality(l.licenses))::int] AS license,
                           CASE WHEN pg_temp.u(k, 7) < 0.94 THEN 'PUBLIC'
                                WHEN pg_temp.u(k, 7) < 0.97 THEN 'UNLISTED'
                                ELSE 'PRIVATE' END AS visibility,
                           -- Spread over two years, a little denser lately, as a growing site's are.
                           now() - pg_temp.u(k, 8) ^ 1.2 * interval '730 days' AS published_at,
                           ARRAY(SELECT DISTINCT l.instruments[1 + floor(pg_temp.u(k, 20 + j) * cardinality(l.instruments))::int]
                                 FROM generate_series(0, floor(pg_temp.u(k, 19) * 3)::int) j) AS instrument_ids,
                           ARRAY(SELECT DISTINCT l.tags[1 + floor(pg_temp.u(k, 30 + j) * cardinality(l.tags))::int]
                                 FROM generate_series(1, floor(pg_temp.u(k, 29) * 4)::int) j) AS tags,
                           NULL::bigint AS id
                    FROM generate_series(%d::bigint, %d::bigint) k
                    CROSS JOIN seed_lists l
                    -- Some members share a lot, most a little.
                    JOIN seed_members s ON s.n = 1 + floor(%d * pg_temp.u(k, 1) ^ 1.8)::int""".formatted(first, last, members));
            execute("""
                    WITH inserted AS (
                        INSERT INTO recordings (public_id, owner_id, title, description, genre_id, bpm, musical_key, license,
                                                visibility, status, origin, duration_ms, loudness_lufs, peaks, original_name,
                                                hls_prefix, hls_playlist, created_at, published_at, updated_at, search_text)
                        SELECT s.public_id, s.owner_id, s.title, s.description, s.genre_id, s.bpm, s.musical_key, s.license,
                               s.visibility, 'READY', 'UPLOAD', t.duration_ms, t.loudness_lufs, t.peaks,
                               'seed-' || lpad(s.k::text, 7, '0'), t.hls_prefix, t.hls_playlist,
                               s.published_at - interval '4 minutes', s.published_at, s.published_at,
                               -- As V4 fills search_text: title, description, tags, genre, instruments.
                               concat_ws(' ', s.title, s.description, nullif(array_to_string(s.tags, ' '), ''), g.name,
                                         (SELECT string_agg(i.name, ' ') FROM instruments i WHERE i.id = ANY (s.instrument_ids)))
                        FROM seed_stage s
                        LEFT JOIN genres g ON g.id = s.genre_id
                        LEFT JOIN recordings t ON t.id = %d
                        ORDER BY s.k
                        ON CONFLICT (public_id) DO NOTHING
                        RETURNING id, public_id)
                    UPDATE seed_stage s SET id = inserted.id FROM inserted WHERE inserted.public_id = s.public_id"""
                    .formatted(template));
            execute("""
                    INSERT INTO recording_instruments (recording_id, instrument_id)
                    SELECT s.id, unnest(s.instrument_ids) FROM seed_stage s WHERE s.id IS NOT NULL
                    ON CONFLICT DO NOTHING""");
            execute("""
                    INSERT INTO recording_tags (recording_id, tag)
                    SELECT s.id, unnest(s.tags) FROM seed_stage s WHERE s.id IS NOT NULL
                    ON CONFLICT DO NOTHING""");
            added = queryLong("SELECT count(*) FROM seed_stage WHERE id IS NOT NULL");
            execute("DROP TABLE seed_stage");
        }
        execute("DROP TABLE IF EXISTS seed_public");
        // Public recordings in order of popularity: a fixed shuffle, so popular ones are of every age.
        execute("""
                CREATE TEMP TABLE seed_public AS
                SELECT row_number() OVER (ORDER BY hashint8extended(r.id, 4242), r.id)::int AS rn,
                       r.id, r.published_at, coalesce(r.duration_ms, 180000) AS duration_ms
                FROM recordings r
                WHERE r.original_name LIKE 'seed-%' AND r.status = 'READY' AND r.visibility = 'PUBLIC'""");
        execute("ALTER TABLE seed_public ADD PRIMARY KEY (rn)");
        execute("ANALYZE seed_public");
        step("recordings", existing[0] + added, added(added), start);
        if (template < 0 && added > 0) {
            notes.add("No playable recording was found to share its audio: seeded recordings have no audio. "
                    + "Let ./mvnw -Prun make its demo pieces first (a minute after start) to get playable ones.");
        }
    }

    /** A playable recording that is not seeded, whose audio every seeded recording shares; -1 if none. */
    private long templateRecording() throws SQLException {
        return queryLong("""
                SELECT coalesce((SELECT id FROM recordings
                                 WHERE status = 'READY' AND hls_playlist IS NOT NULL AND hls_prefix IS NOT NULL
                                   AND duration_ms IS NOT NULL AND coalesce(original_name, '') NOT LIKE 'seed-%'
                                 ORDER BY visibility = 'PUBLIC' DESC, id
                                 LIMIT 1), -1)""");
    }

    private void likes(long target) throws SQLException {
        long start = System.nanoTime();
        long recordings = count("seed_public");
        long members = count("seed_members");
        String seeded = "SELECT count(*) FROM recording_likes l JOIN seed_members s ON s.id = l.member_id";
        long before = queryLong(seeded);
        if (recordings > 0) {
            // A like per (recording, member) at most: draw more pairs than needed, keep new distinct ones.
            fill(seeded, target, (pass, draws, missing) -> """
                    INSERT INTO recording_likes (recording_id, member_id, created_at)
                    SELECT recording_id, member_id, created_at
                    FROM (SELECT DISTINCT ON (p.id, m.id) g, p.id AS recording_id, m.id AS member_id,
                                 greatest(p.published_at, now() - interval '60 days')
                                 + pg_temp.u(g, %1$d + 2) * (now() - greatest(p.published_at, now() - interval '60 days'))
                                 AS created_at
                          FROM generate_series(1, %2$d) g
                          JOIN seed_public p ON p.rn = 1 + floor(%3$d * pg_temp.u(g, %1$d) ^ 2.2)::int
                          JOIN seed_members m ON m.n = 1 + floor(%4$d * pg_temp.u(g, %1$d + 1))::int
                          WHERE NOT EXISTS (SELECT 1 FROM recording_likes x WHERE x.recording_id = p.id AND x.member_id = m.id)
                          ORDER BY p.id, m.id, g) pairs
                    -- Keep the first draws, not the lowest ids, so the popularity curve stays as drawn.
                    ORDER BY g
                    LIMIT %5$d
                    ON CONFLICT DO NOTHING""".formatted(1000 + 10 * (before + pass), draws, recordings, members, missing));
        }
        long after = queryLong(seeded);
        step("likes", after, added(after - before), start);
    }

    private void comments(long target) throws SQLException {
        long start = System.nanoTime();
        long recordings = count("seed_public");
        long members = count("seed_members");
        String seededRoots = "SELECT count(*) FROM comments c JOIN seed_members s ON s.id = c.author_id WHERE c.parent_id IS NULL";
        String seededReplies = "SELECT count(*) FROM comments c JOIN seed_members s ON s.id = c.author_id WHERE c.parent_id IS NOT NULL";
        long rootsBefore = queryLong(seededRoots);
        long repliesBefore = queryLong(seededReplies);
        long replyTarget = Math.round(target * 0.2);
        long rootsMissing = Math.max(0, target - replyTarget - rootsBefore);
        if (recordings > 0 && rootsMissing > 0) {
            // At a moment of the recording, some time after it was published; popular ones get more.
            execute("""
                    INSERT INTO comments (recording_id, author_id, at_ms, body, created_at)
                    SELECT p.id, m.id, floor(pg_temp.u(g, 503) * p.duration_ms)::int,
                           l.comments[1 + floor(pg_temp.u(g, 504) * cardinality(l.comments))::int],
                           p.published_at + pg_temp.u(g, 505) * (now() - p.published_at)
                    FROM generate_series(%1$d::bigint + 1, %1$d::bigint + %2$d) g
                    CROSS JOIN seed_lists l
                    JOIN seed_public p ON p.rn = 1 + floor(%3$d * pg_temp.u(g, 501) ^ 1.8)::int
                    JOIN seed_members m ON m.n = 1 + floor(%4$d * pg_temp.u(g, 502))::int
                    ORDER BY 5""".formatted(rootsBefore, rootsMissing, recordings, members));
        }
        long repliesMissing = Math.max(0, replyTarget - repliesBefore);
        if (recordings > 0 && repliesMissing > 0) {
            execute("DROP TABLE IF EXISTS seed_roots");
            execute("""
                    CREATE TEMP TABLE seed_roots AS
                    SELECT row_number() OVER (ORDER BY c.id)::int AS rn, c.id, c.recording_id, c.at_ms, c.created_at
                    FROM comments c JOIN seed_members s ON s.id = c.author_id
                    WHERE c.parent_id IS NULL AND c.deleted_at IS NULL""");
            execute("ALTER TABLE seed_roots ADD PRIMARY KEY (rn)");
            long roots = count("seed_roots");
            // Replies hang under a top-level comment of the same recording, at the same moment, later.
            execute("""
                    INSERT INTO comments (recording_id, author_id, parent_id, at_ms, body, created_at)
                    SELECT r.recording_id, m.id, r.id, r.at_ms,
                           l.replies[1 + floor(pg_temp.u(g, 604) * cardinality(l.replies))::int],
                           r.created_at + pg_temp.u(g, 605) * (now() - r.created_at)
                    FROM generate_series(%1$d::bigint + 1, %1$d::bigint + %2$d) g
                    CROSS JOIN seed_lists l
                    JOIN seed_roots r ON r.rn = 1 + floor(%3$d * pg_temp.u(g, 601) ^ 1.5)::int
                    JOIN seed_members m ON m.n = 1 + floor(%4$d * pg_temp.u(g, 602))::int
                    ORDER BY 6""".formatted(repliesBefore, repliesMissing, roots, members));
            execute("DROP TABLE seed_roots");
        }
        long roots = queryLong(seededRoots);
        long replies = queryLong(seededReplies);
        step("comments", roots + replies, added(roots + replies - rootsBefore - repliesBefore)
                + String.format(Locale.ROOT, ", %,d replies", replies), start);
    }

    private void follows(long target) throws SQLException {
        long start = System.nanoTime();
        long members = count("seed_members");
        String seeded = "SELECT count(*) FROM follows f JOIN seed_members s ON s.id = f.follower_id";
        long before = queryLong(seeded);
        if (members > 1) {
            // Everyone follows a few; a few are followed by many.
            fill(seeded, target, (pass, draws, missing) -> """
                    INSERT INTO follows (follower_id, followee_id, created_at)
                    SELECT follower_id, followee_id, created_at
                    FROM (SELECT DISTINCT ON (a.id, b.id) g, a.id AS follower_id, b.id AS followee_id,
                                 now() - pg_temp.u(g, %1$d + 2) * interval '365 days' AS created_at
                          FROM generate_series(1, %2$d) g
                          JOIN seed_members a ON a.n = 1 + floor(%3$d * pg_temp.u(g, %1$d))::int
                          JOIN seed_members b ON b.n = 1 + floor(%3$d * pg_temp.u(g, %1$d + 1) ^ 2.5)::int
                          WHERE a.id <> b.id
                            AND NOT EXISTS (SELECT 1 FROM follows x WHERE x.follower_id = a.id AND x.followee_id = b.id)
                          ORDER BY a.id, b.id, g) pairs
                    ORDER BY g
                    LIMIT %4$d
                    ON CONFLICT DO NOTHING""".formatted(3000 + 10 * (before + pass), draws, members, missing));
        }
        long after = queryLong(seeded);
        step("follows", after, added(after - before), start);
    }

    private void plays(int days) throws SQLException {
        long start = System.nanoTime();
        String seeded = "SELECT count(*) FROM recording_daily_plays d JOIN seed_public p ON p.id = d.recording_id";
        long before = queryLong(seeded);
        if (days > 0) {
            // The most popular recording is played some 3,000 times a day, the long tail now and then.
            execute("""
                    INSERT INTO recording_daily_plays (recording_id, day, plays)
                    SELECT p.id, d.day, x.plays
                    FROM seed_public p
                    CROSS JOIN (SELECT current_date - i AS day FROM generate_series(0, %d - 1) i) d
                    CROSS JOIN LATERAL (
                        SELECT floor(3000.0 / p.rn::double precision ^ 0.7
                                     * (0.3 + 1.4 * pg_temp.u(p.id * 100000 + (d.day - date '2000-01-01'), 701)))::int AS plays) x
                    WHERE x.plays > 0 AND d.day >= p.published_at::date
                    ORDER BY p.id, d.day
                    ON CONFLICT (recording_id, day) DO NOTHING""".formatted(days));
        }
        long after = queryLong(seeded);
        step("daily plays", after, added(after - before) + ", " + days + " days", start);
    }

    /** Likes, comments and plays of the seeded recordings, counted from their rows, in one pass. */
    private void counters() throws SQLException {
        long start = System.nanoTime();
        long changed = update("""
                WITH seeded AS (SELECT id FROM recordings WHERE original_name LIKE 'seed-%'),
                likes AS (SELECT l.recording_id, count(*) AS n FROM recording_likes l JOIN seeded s ON s.id = l.recording_id
                          GROUP BY l.recording_id),
                comments AS (SELECT c.recording_id, count(*) AS n FROM comments c JOIN seeded s ON s.id = c.recording_id
                             WHERE c.deleted_at IS NULL GROUP BY c.recording_id),
                plays AS (SELECT d.recording_id, sum(d.plays) AS n FROM recording_daily_plays d
                          JOIN seeded s ON s.id = d.recording_id GROUP BY d.recording_id),
                counted AS (SELECT s.id, coalesce(l.n, 0)::int AS likes, coalesce(c.n, 0)::int AS comments,
                                   coalesce(p.n, 0)::int AS plays
                            FROM seeded s
                            LEFT JOIN likes l ON l.recording_id = s.id
                            LEFT JOIN comments c ON c.recording_id = s.id
                            LEFT JOIN plays p ON p.recording_id = s.id)
                UPDATE recordings r
                SET like_count = counted.likes, comment_count = counted.comments,
                    play_count = greatest(r.play_count, counted.plays)
                FROM counted
                WHERE r.id = counted.id
                  AND (r.like_count, r.comment_count, r.play_count)
                      IS DISTINCT FROM (counted.likes, counted.comments, greatest(r.play_count, counted.plays))""");
        step("counters", changed, "recordings updated", start);
    }

    /** As the trending job does it: three points a like and one a play, over the last seven days. */
    private void trending() throws SQLException {
        long start = System.nanoTime();
        db.setAutoCommit(false);
        execute("DELETE FROM trending_recordings");
        long ranked = update("""
                INSERT INTO trending_recordings (recording_id, score, computed_at)
                SELECT activity.recording_id, sum(activity.points)::integer, now()
                FROM (SELECT l.recording_id, 3 AS points FROM recording_likes l
                      WHERE l.created_at > now() - interval '7 days'
                      UNION ALL
                      SELECT p.recording_id, p.plays FROM recording_daily_plays p
                      WHERE p.day > current_date - 7) activity
                JOIN recordings r ON r.id = activity.recording_id
                WHERE r.status = 'READY' AND r.visibility = 'PUBLIC'
                GROUP BY activity.recording_id""");
        db.commit();
        db.setAutoCommit(true);
        step("trending", ranked, "recordings ranked", start);
    }

    /** Fresh statistics and visibility maps, so that the first benchmark runs on settled tables. */
    private void analyze() throws SQLException {
        long start = System.nanoTime();
        for (String table : List.of("members", "member_favourite_genres", "recordings", "recording_instruments",
                "recording_tags", "recording_likes", "comments", "follows", "recording_daily_plays", "trending_recordings")) {
            execute("VACUUM (ANALYZE) " + table);
        }
        summary.put("vacuum analyze", String.format(Locale.ROOT, "%12s  %-28s", "", "") + seconds(start));
    }

    private void report(long nanos) throws SQLException {
        say("");
        say("Seeded catalogue: seeded rows in all (added by this run), seconds per step");
        summary.forEach((step, line) -> say(String.format(Locale.ROOT, "  %-16s%s", step, line)));
        say(String.format(Locale.ROOT, "  %-16s%s", "whole database", String.format(Locale.ROOT,
                "%,12d  members, %,d recordings (%,d public and ready)", queryLong("SELECT count(*) FROM members"),
                queryLong("SELECT count(*) FROM recordings"),
                queryLong("SELECT count(*) FROM recordings WHERE status = 'READY' AND visibility = 'PUBLIC'"))));
        notes.forEach(note -> say("Note: " + note));
        say(String.format(Locale.ROOT, "Done in %.1f s. Sign in as seed-000001@soundhub.local ... with the password \"%s\".",
                nanos / 1e9, PASSWORD));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    @FunctionalInterface
    interface Draw {
        /** SQL that adds up to {@code missing} new rows from {@code draws} random pairs. */
        String sql(int pass, long draws, long missing);
    }

    /**
     * Runs {@code draw} until the rows counted by {@code countSql} reach {@code target}: random
     * pairs repeat, so each pass draws a little more than is missing and keeps only new ones.
     */
    private void fill(String countSql, long target, Draw draw) throws SQLException {
        for (int pass = 0; pass < 8; pass++) {
            long missing = target - queryLong(countSql);
            if (missing <= 0) {
                return;
            }
            long draws = missing + missing / 4 + 1000;
            if (update(draw.sql(pass, draws, missing)) == 0) {
                break;
            }
        }
        long short_ = target - queryLong(countSql);
        if (short_ > 0) {
            notes.add(String.format(Locale.ROOT, "%,d rows short of a target: there are not enough distinct "
                    + "pairs among the seeded members and recordings; seed more members or recordings.", short_));
        }
    }

    private void step(String name, long total, String note, long start) {
        summary.put(name, String.format(Locale.ROOT, "%,12d  %-28s", total, note) + seconds(start));
    }

    private static String added(long rows) {
        return String.format(Locale.ROOT, "(+%,d)", rows);
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%6.1f s", (System.nanoTime() - start) / 1e9);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private long update(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    private long count(String tempTable) throws SQLException {
        return queryLong("SELECT count(*) FROM " + tempTable);
    }

    private long queryLong(String sql) throws SQLException {
        return queryLongs(sql)[0];
    }

    private long[] queryLongs(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long[] values = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        }
    }

    /**
     * A hash that SoundHub's password check accepts (Jakarta Security's PBKDF2 format:
     * algorithm:iterations:salt:hash in Base64), with a fixed salt so that seeding is repeatable.
     */
    static String passwordHash(String password) throws GeneralSecurityException {
        int iterations = 600_000;
        byte[] salt = java.security.MessageDigest.getInstance("SHA-256")
                .digest("soundhub seed catalogue".getBytes(StandardCharsets.UTF_8));
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            // Options may arrive several to one argument (-Dsoundhub.seed.args="--members=1 --recordings=2").
            for (String part : arg.trim().split("\\s+(?=--)")) {
                if (part.startsWith("--") && part.contains("=")) {
                    options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                } else if (!part.isBlank()) {
                    stop("Unknown argument " + part + "; options look like --recordings=1000");
                }
            }
        }
        List<String> known = List.of("data", "db-port", "members", "recordings", "likes", "comments", "follows", "plays-days");
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                stop("Unknown option --" + name + "; known: --" + String.join(", --", known));
            }
        }
        return options;
    }

    private static int count(Map<String, String> options, String name, int fallback) {
        String value = options.getOrDefault(name, String.valueOf(fallback)).replace("_", "").replace(",", "");
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new Stop("--" + name + " takes a whole number of zero or more, such as --" + name + "=" + fallback);
    }

    /** Ends the command with a message for the person running it (after stopping what was started). */
    private static void stop(String message) {
        throw new Stop(message);
    }

    static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private static void say(String line) {
        System.out.println("[seed] " + line);
        System.out.flush();
    }

    /** What seeded titles, descriptions, tags and comments are made of. */
    static final class Words {

        static final List<String> EN_ADJECTIVES = List.of("Midnight", "Golden", "Quiet", "Electric", "Broken", "Neon",
                "Velvet", "Summer", "Winter", "Lost", "Paper", "Silver", "Blue", "Rainy", "Lonely", "Wild", "Slow", "Bright",
                "Hidden", "Faded", "Crystal", "Secret", "Empty", "Burning", "Gentle", "Last", "First", "Endless", "Distant",
                "Sweet", "Hollow", "Northern", "Sleepless", "Borrowed", "Little", "Lucky", "Analog", "Sunday", "Paper-thin",
                "Weightless");
        static final List<String> EN_NOUNS = List.of("Dreams", "Highway", "Letters", "Rain", "City", "Heart", "Ocean",
                "Lights", "Echoes", "Garden", "Waves", "Memories", "Streets", "Sky", "Fire", "Moon", "Stars", "Morning",
                "Road", "River", "Window", "Shadows", "Song", "Coffee", "Train", "Station", "Afternoon", "Tape", "Sunset",
                "Bloom", "Polaroids", "Satellite", "Harbor", "Lullaby", "Fever", "Horizon", "Static", "Postcards", "Rooftop",
                "Avenue");
        static final List<String> KO_ADJECTIVES = List.of("새벽", "푸른", "조용한", "따뜻한", "작은", "느린", "빛나는",
                "잊혀진", "비 오는", "한여름", "겨울", "오래된", "달콤한", "외로운", "하얀", "우리의", "마지막", "처음의", "서울의",
                "기억 속");
        static final List<String> KO_NOUNS = List.of("바다", "밤", "거리", "꿈", "노래", "별", "바람", "편지", "기억", "우산",
                "하늘", "커피", "골목", "정류장", "봄날", "여름밤", "달빛", "파도", "산책", "라디오");
        static final List<String> SUFFIXES = List.of("(Demo)", "(Live)", "(Acoustic)", "(Remix)", "Pt. 2", "(Instrumental)",
                "(Lo-fi Version)", "(Piano Version)", "(Bedroom Take)", "(2am Mix)");
        static final List<String> DESCRIPTIONS = List.of(
                "Recorded at home on a rainy afternoon.",
                "First take, no edits. Headphones recommended.",
                "A little sketch I have been working on for a while. Feedback welcome!",
                "Made this on the train home. Drums from an old drum machine, everything else live.",
                "Written for a friend's birthday.",
                "Trying out a new synth patch and a slower groove.",
                "Part of an EP I am finishing this year.",
                "Mixed on laptop speakers, so be kind.",
                "All instruments played by me, vocals recorded in the closet.",
                "Inspired by late night walks along the river.",
                "Free to use for non-commercial videos, just credit me.",
                "Guitar through a cheap pedal, bass DI, drums programmed.",
                "새벽에 혼자 녹음한 곡입니다. 이어폰으로 들어주세요.",
                "비 오는 날 만든 데모예요. 피드백 환영합니다!",
                "처음으로 올리는 자작곡입니다.",
                "기타와 피아노로만 만든 조용한 곡이에요.",
                "친구 생일 선물로 만든 노래입니다.",
                "여름밤 산책하면서 떠오른 멜로디로 만들었어요.");
        static final List<String> BIOS = List.of(
                "Bedroom producer. Coffee, synths and long walks.",
                "Guitarist in two bands, songwriter in none (yet).",
                "Making beats after work.",
                "Piano teacher by day, ambient music by night.",
                "Singer-songwriter from Busan.",
                "I mostly remix things. Collabs welcome!",
                "Drummer looking for a bassist.",
                "Learning production one track a week.",
                "서울에서 음악 만드는 사람입니다.",
                "기타 치고 노래 만들어요. 함께 작업해요!",
                "취미로 작곡하는 직장인.",
                "재즈 피아노를 좋아합니다.");
        static final List<String> TAGS = List.of("lofi", "chill", "demo", "acoustic", "instrumental", "study", "night",
                "rainy day", "summer", "indie", "bedroom pop", "synthwave", "piano", "guitar", "beats", "remix", "cover",
                "live", "sad", "upbeat", "dance", "jazzy", "ambient", "original", "새벽감성", "인디", "감성", "자작곡",
                "힐링", "밤");
        static final List<String> COMMENTS = List.of(
                "Love this part!", "The bass line here is so good.", "Goosebumps right here.", "What synth is this?",
                "This drop!", "Beautiful chords.", "The vocals are stunning.", "Such a nice groove.",
                "Could listen to this on repeat.", "The mix is really clean.", "This melody is stuck in my head.",
                "Great transition.", "Nice guitar tone!", "The drums hit hard here.", "So calm, perfect for studying.",
                "Would love to collab on something like this.", "This deserves more listens.", "Wow.",
                "The harmony here is unexpected, in a good way.", "Please release the full version!",
                "이 부분 너무 좋아요", "여기 코드 진행 최고", "목소리가 너무 좋네요", "계속 반복해서 듣고 있어요",
                "베이스 라인 미쳤다", "새벽에 듣기 딱 좋아요", "편곡 정말 좋아요", "여기서 소름");
        static final List<String> REPLIES = List.of("Thank you!", "Thanks, means a lot!", "Agreed!", "Right?",
                "Same here.", "It's a Juno-60 patch.", "Glad you like it!", "Totally.", "Working on it!",
                "고마워요!", "감사합니다 :)", "저도요!", "완전 동의해요");
        static final List<String> KEYS = majorsAndMinors();
        static final List<String> LICENSES = List.of("ALL_RIGHTS_RESERVED", "ALL_RIGHTS_RESERVED", "CC_BY", "CC_BY",
                "CC_BY_SA", "CC_BY_NC", "CC_BY_NC_SA", "CC_BY_ND", "CC_BY_NC_ND", "CC0");

        private static List<String> majorsAndMinors() {
            List<String> keys = new ArrayList<>();
            for (String mode : new String[]{"major", "minor"}) {
                for (String tonic : new String[]{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"}) {
                    keys.add(tonic + " " + mode);
                }
            }
            return List.copyOf(keys);
        }

        private Words() {
        }
    }
}
