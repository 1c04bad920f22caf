package com.soundhub.jobs.media;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.soundhub.jobs.JobSettings;
import com.soundhub.jobs.Jobs;
import com.soundhub.platform.database.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Shares media work fairly between members: of one kind of work, a member has at most
 * {@code soundhub.jobs.media-per-member} jobs due or running at once, on all instances together;
 * their other jobs are parked, in the order they were queued, and one becomes due each time one of
 * theirs ends. So a member who queues six long uploads takes one worker, and the next member's
 * upload finds another free at once instead of waiting behind all six.
 *
 * <p>Everything is in the job queue itself, so every instance sees the same lanes: a job's data
 * names its subject and its owner, a parked job is due in the far future (after
 * {@link #PARKED_AFTER}, in queue order), and a member's lane is counted and released under a
 * transaction-scoped advisory lock of theirs. An instance that dies between the end of a job and the
 * release of the next loses nothing: {@link ReleaseMediaLanesJob} releases whatever a free lane
 * lets through.
 */
@ApplicationScoped
public class MediaLanes {

    /** How far ahead parked work is scheduled; its order among parked work is the order it was queued in. */
    static final Duration PARKING = Duration.ofDays(365L * 5000);
    /** Work due after this is parked, not merely late. */
    static final Instant PARKED_AFTER = Instant.parse("4000-01-01T00:00:00Z");
    private static final java.time.OffsetDateTime PARKED_AFTER_UTC = PARKED_AFTER.atOffset(java.time.ZoneOffset.UTC);

    @Resource(lookup = DataSources.TRANSACTIONAL)
    DataSource dataSource;

    @Inject
    Jobs jobs;

    @Inject
    JobSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** A job's data: its subject, and the member it is done for. */
    static String data(UUID subject, long owner) {
        return subject + " " + owner;
    }

    static UUID subjectOf(String data) {
        int space = data.indexOf(' ');
        return UUID.fromString(space < 0 ? data : data.substring(0, space));
    }

    /** Jobs queued before lanes existed name no owner and wait for nobody. */
    static OptionalLong ownerOf(String data) {
        int space = data == null ? -1 : data.indexOf(' ');
        if (space < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(data.substring(space + 1).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Queues {@code workName} on {@code subject} for {@code owner} within the caller's transaction:
     * due now while the owner has a free lane (work already waiting moves to now), else parked
     * behind the owner's other work.
     */
    @Transactional
    public void queue(String workName, UUID subject, long owner) {
        TaskInstance<String> instance = new TaskInstance<>(workName, subject.toString(), data(subject, owner));
        int lanes = settings.mediaPerMember();
        if (lanes == 0) {
            jobs.runNow(instance);
            return;
        }
        lock(workName, owner);
        Optional<Instant> queued = executionTime(workName, subject.toString());
        if (queued.isPresent() && queued.get().isAfter(PARKED_AFTER)) {
            return;
        }
        if (busy(workName, owner, subject.toString()) < lanes) {
            jobs.runNow(instance);
        } else {
            jobs.scheduleIfAbsent(instance, clock.instant().plus(PARKING));
        }
    }

    /**
     * The work on {@code finished} for {@code data}'s owner has ended (done, rejected or given up):
     * the owner's next parked work becomes due. Its own row may still be in the queue meanwhile.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finished(String workName, String finished, String data) {
        OptionalLong owner = ownerOf(data);
        if (owner.isPresent() && settings.mediaPerMember() > 0) {
            release(workName, owner.getAsLong(), finished);
        }
    }

    /** Every owner's parked work that a free lane lets through, in case a release was lost. */
    @Transactional(TxType.REQUIRES_NEW)
    public int releaseAll() {
        Map<String, TreeSet<Long>> parkedOwners = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT task_name, convert_from(task_data, 'UTF8') "
                     + "FROM scheduled_tasks WHERE NOT picked AND execution_time > ?")) {
            query.setObject(1, PARKED_AFTER_UTC);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    ownerOf(rows.getString(2)).ifPresent(owner ->
                            parkedOwners.computeIfAbsent(name, key -> new TreeSet<>()).add(owner));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the parked media jobs", e);
        }
        int released = 0;
        // Locks in one order (by kind, then owner), so that two instances sweeping at once cannot deadlock.
        for (Map.Entry<String, TreeSet<Long>> kind : parkedOwners.entrySet()) {
            for (long owner : kind.getValue()) {
                released += settings.mediaPerMember() == 0
                        ? releaseParked(kind.getKey(), owner, Integer.MAX_VALUE)
                        : release(kind.getKey(), owner, "");
            }
        }
        return released;
    }

    private int release(String workName, long owner, String except) {
        lock(workName, owner);
        int free = settings.mediaPerMember() - busy(workName, owner, except);
        return free > 0 ? releaseParked(workName, owner, free) : 0;
    }

    private int releaseParked(String workName, long owner, int count) {
        List<String> next = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT task_instance FROM scheduled_tasks "
                     + "WHERE task_name = ? AND NOT picked AND execution_time > ? AND convert_from(task_data, 'UTF8') LIKE ? "
                     + "ORDER BY execution_time LIMIT ?")) {
            query.setString(1, workName);
            query.setObject(2, PARKED_AFTER_UTC);
            query.setString(3, "% " + owner);
            query.setInt(4, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    next.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the parked media jobs of member " + owner, e);
        }
        next.forEach(instance -> jobs.moveToNow(TaskInstanceId.of(workName, instance)));
        return next.size();
    }

    /** The owner's work of this kind that is due or running, but for {@code except}. */
    private int busy(String workName, long owner, String except) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM scheduled_tasks "
                     + "WHERE task_name = ? AND task_instance <> ? AND execution_time <= ? "
                     + "AND convert_from(task_data, 'UTF8') LIKE ?")) {
            query.setString(1, workName);
            query.setString(2, except);
            query.setObject(3, PARKED_AFTER_UTC);
            query.setString(4, "% " + owner);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the media jobs of member " + owner, e);
        }
    }

    private Optional<Instant> executionTime(String workName, String instance) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")) {
            query.setString(1, workName);
            query.setString(2, instance);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getTimestamp(1) != null ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the media job " + instance, e);
        }
    }

    /** The owner's lanes of this kind, until the transaction ends. */
    private void lock(String workName, long owner) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))")) {
            lock.setString(1, "soundhub media lanes " + workName);
            lock.setLong(2, owner);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the media lanes of member " + owner, e);
        }
    }
}
