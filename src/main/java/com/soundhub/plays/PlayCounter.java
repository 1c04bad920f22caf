package com.soundhub.plays;

import com.soundhub.recordings.ListeningStarted;
import com.soundhub.recordings.RecordingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Counts plays on the server: one per listener per recording per half hour, however often the
 * player reloads. Each counted play also goes into the day's tally that trending reads.
 */
@ApplicationScoped
public class PlayCounter {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    RecordingService recordings;

    @Transactional
    public void onListening(@Observes ListeningStarted listening) {
        count(listening.recordingId(), listening.listener());
    }

    /** Counts the play unless this listener was counted for this recording in the last 30 minutes. */
    @Transactional
    public boolean count(long recordingId, String listener) {
        boolean counted = !em.createNativeQuery("""
                        INSERT INTO recording_listens (recording_id, listener, counted_at) VALUES (?1, ?2, now())
                        ON CONFLICT (recording_id, listener) DO UPDATE SET counted_at = now()
                        WHERE recording_listens.counted_at < now() - interval '30 minutes'
                        RETURNING 1""")
                .setParameter(1, recordingId)
                .setParameter(2, listener)
                .getResultList().isEmpty();
        if (counted) {
            recordings.countPlay(recordingId);
            em.createNativeQuery("""
                            INSERT INTO recording_daily_plays (recording_id, day, plays) VALUES (?1, current_date, 1)
                            ON CONFLICT (recording_id, day) DO UPDATE SET plays = recording_daily_plays.plays + 1""")
                    .setParameter(1, recordingId).executeUpdate();
        }
        return counted;
    }

    /** Listens older than the half hour no longer matter. */
    @Transactional
    public int forgetOldListens() {
        return em.createNativeQuery("DELETE FROM recording_listens WHERE counted_at < now() - interval '30 minutes'")
                .executeUpdate();
    }

    /** Plays per day over the last {@code days} days, oldest first, for the back office's chart. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public java.util.Map<java.time.LocalDate, Long> playsPerDay(int days) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
        for (int i = days - 1; i >= 0; i--) {
            counts.put(today.minusDays(i), 0L);
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT day, sum(plays) FROM recording_daily_plays WHERE day >= ?1 GROUP BY day")
                .setParameter(1, java.sql.Date.valueOf(today.minusDays(days - 1L))).getResultList();
        rows.forEach(row -> counts.computeIfPresent(java.time.LocalDate.parse(row[0].toString()), (day, none) -> ((Number) row[1]).longValue()));
        return counts;
    }
}
