package com.soundhub.accounts;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, members who signed up before skeletons were kept (and rows written by tools such as
 * the catalogue seeder) get theirs, so that new nicknames cannot look like theirs. Instances
 * starting together may both do it: each row is written once, and a skeleton another member
 * already has is left out.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NicknameSkeletons {

    private static final Logger log = LoggerFactory.getLogger(NicknameSkeletons.class);

    @Inject
    MemberRepository members;

    @PostConstruct
    void fillIn() {
        long after = 0;
        int kept = 0;
        int lookAlikes = 0;
        List<Object[]> batch;
        do {
            batch = members.withoutSkeleton(after, 500);
            for (Object[] row : batch) {
                after = ((Number) row[0]).longValue();
                boolean keptThis;
                try {
                    keptThis = members.keepSkeleton(after, LookAlikeNicknames.skeleton((String) row[1]));
                } catch (RuntimeException raced) {
                    // Another instance gave a look-alike the same skeleton at the same instant; the next start decides.
                    log.warn("Member {}: nickname skeleton not recorded this time ({})", after, raced.getClass().getSimpleName());
                    continue;
                }
                if (keptThis) {
                    kept++;
                } else {
                    lookAlikes++;
                    log.warn("Member {} ({}) has a nickname that looks like an older member's; it keeps it, "
                            + "and nobody else can take one like it only while the older one stays", after, row[1]);
                }
            }
        } while (!batch.isEmpty());
        if (kept > 0 || lookAlikes > 0) {
            log.info("Nickname skeletons: {} recorded, {} look-alikes of older nicknames left without one", kept, lookAlikes);
        }
    }
}
