package com.soundhub.messages;

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

/** The direct messages a member sent, in their data download, with whom they went to. */
@ApplicationScoped
public class MessagesPersonalData implements PersonalDataPart {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Override
    public int position() {
        return 30;
    }

    @Override
    public void write(long memberId, PersonalDataZip zip) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CASE WHEN c.member_low_id = ?1 THEN c.member_high_id ELSE c.member_low_id END, m.body, m.created_at
                        FROM messages m JOIN conversations c ON c.id = m.conversation_id
                        WHERE m.sender_id = ?1 ORDER BY m.created_at, m.id""")
                .setParameter(1, memberId).getResultList();
        Map<Long, String> names = accounts.activeNicknames(rows.stream().map(row -> ((Number) row[0]).longValue()).distinct().toList());
        zip.json("messages-sent.json", rows.stream().map(row -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("to", names.getOrDefault(((Number) row[0]).longValue(), "a former member"));
            message.put("body", row[1]);
            message.put("sentAt", SqlTimes.instant(row[2]).toString());
            return message;
        }).toList());
    }
}
