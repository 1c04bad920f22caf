package com.soundhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feature owns its tables: only its own code names them in SQL. Others read and change that data
 * through the feature's service or events. The one exception is the catalogue read model, which
 * may read (never write) the tables its lists join, for speed. Every table has an owner here, so a
 * new table must be given one.
 */
class FeatureTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/soundhub");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the package that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("members", "accounts"), entry("member_sessions", "accounts"), entry("sign_in_throttle", "accounts"),
            entry("password_resets", "accounts"), entry("password_reset_requests", "accounts"), entry("email_changes", "accounts"),
            entry("email_confirmations", "accounts"), entry("member_identities", "accounts"), entry("provider_sign_ins", "accounts"),
            entry("notification_mail_settings", "notifications"),
            entry("member_favourite_genres", "accounts"), entry("member_favourite_instruments", "accounts"),
            entry("recordings", "recordings"), entry("recording_instruments", "recordings"),
            entry("recording_tags", "recordings"),
            entry("recording_likes", "likes"), entry("comments", "comments"), entry("follows", "follows"),
            entry("recording_listens", "plays"), entry("recording_daily_plays", "plays"),
            entry("trending_recordings", "catalogue"), entry("tag_counts", "catalogue"),
            entry("conversations", "messages"), entry("conversation_members", "messages"), entry("messages", "messages"),
            entry("notifications", "notifications"), entry("reports", "reports"),
            entry("uploads", "uploads"), entry("upload_transitions", "uploads"),
            entry("generations", "generator"), entry("genres", "taxonomy"), entry("instruments", "taxonomy"),
            entry("projects", "projects"), entry("project_wanted_instruments", "projects"),
            entry("project_members", "projects"), entry("project_invitations", "projects"), entry("project_activity", "projects"),
            entry("project_contents", "projects"), entry("project_revisions", "projects"),
            entry("project_revision_files", "projects"), entry("project_revision_replacements", "projects"),
            entry("project_pushes", "projects"), entry("project_push_changes", "projects"), entry("project_push_uploads", "projects"),
            entry("project_proposals", "projects"), entry("project_proposal_files", "projects"),
            entry("project_proposal_comments", "projects"), entry("project_masters", "projects"),
            entry("project_content_holds", "projects"), entry("project_file_comments", "projects"),
            entry("scheduled_tasks", "jobs"), entry("rate_limit_windows", "limits"), entry("server_secrets", "platform"),
            entry("access_tokens", "tokens"), entry("admin_audit", "admin"), entry("site_settings", "site"));

    /** May read the tables it joins for lists; writes only its own. */
    private static final String READ_MODEL = "catalogue";

    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE = Pattern.compile("\\b(?:UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(MIGRATIONS)) {
            for (Path migration : migrations.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).as("owners of the tables the migrations create").containsAll(tables);
    }

    @Test
    void onlyAFeatureItselfNamesItsTablesInSql() throws IOException {
        List<String> reaches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    reaches.addAll(reaches(file, feature, literal.group(), WRITE, false));
                    reaches.addAll(reaches(file, feature, literal.group(), READ, feature.equals(READ_MODEL)));
                }
            }
        }
        assertThat(reaches).as("SQL naming another feature's table (use its service or events)").isEmpty();
    }

    private static List<String> reaches(Path file, String feature, String sql, Pattern statement, boolean allowed) {
        List<String> found = new ArrayList<>();
        Matcher table = statement.matcher(sql);
        while (table.find()) {
            String owner = OWNERS.get(table.group(1).toLowerCase());
            if (owner != null && !owner.equals(feature) && !allowed) {
                found.add(file.getFileName() + " (" + feature + ") names " + table.group(1) + " of " + owner);
            }
        }
        return found;
    }
}
