package com.soundhub.follows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.PersonalDataPart;
import com.soundhub.accounts.PersonalDataZip;
import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Whom a member follows, in their data download. */
@ApplicationScoped
public class FollowsPersonalData implements PersonalDataPart {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Override
    public int position() {
        return 40;
    }

    @Override
    public void write(long memberId, PersonalDataZip zip) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT followee_id, created_at FROM follows WHERE follower_id = ?1 ORDER BY created_at")
                .setParameter(1, memberId).getResultList();
        Map<Long, String> names = accounts.activeNicknames(rows.stream().map(row -> ((Number) row[0]).longValue()).toList());
        zip.json("following.json", rows.stream().filter(row -> names.containsKey(((Number) row[0]).longValue())).map(row -> {
            Map<String, Object> follow = new LinkedHashMap<>();
            follow.put("member", names.get(((Number) row[0]).longValue()));
            follow.put("since", SqlTimes.instant(row[1]).toString());
            return follow;
        }).toList());
    }
}
