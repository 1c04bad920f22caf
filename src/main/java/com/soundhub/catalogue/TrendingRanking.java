package com.soundhub.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Ranks what is trending: likes (three points each) and plays of the last seven days. Computed in
 * one statement by one instance every few minutes, so the trending feed is a plain index walk.
 */
@ApplicationScoped
public class TrendingRanking {

    static final int LIKE_WEIGHT = 3;

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Transactional
    public int refresh() {
        em.createNativeQuery("DELETE FROM trending_recordings").executeUpdate();
        return em.createNativeQuery("""
                        INSERT INTO trending_recordings (recording_id, score, computed_at)
                        SELECT activity.recording_id, sum(activity.points)::integer, now()
                        FROM (SELECT l.recording_id, ?1 AS points FROM recording_likes l
                              WHERE l.created_at > now() - interval '7 days'
                              UNION ALL
                              SELECT p.recording_id, p.plays FROM recording_daily_plays p
                              WHERE p.day > current_date - 7) activity
                        JOIN recordings r ON r.id = activity.recording_id
                        WHERE r.status = 'READY' AND r.visibility = 'PUBLIC'
                        GROUP BY activity.recording_id""")
                .setParameter(1, LIKE_WEIGHT)
                .executeUpdate();
    }
}
