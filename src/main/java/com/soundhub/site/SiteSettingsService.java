package com.soundhub.site;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.soundhub.jobs.KeptCopies;
import com.soundhub.web.SameForEveryViewer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The settings in force, read on many requests: each instance keeps a copy and forgets it when any
 * instance saves a change ({@link KeptCopies}), so a change applies everywhere within moments.
 * Reading again every half minute covers a notice lost while an instance's listening connection
 * was down.
 *
 * <p>Changing them is for admins: the back office checks the role before it calls
 * {@link #save}, as this package stands below the accounts that know roles.
 */
@ApplicationScoped
@Named("site")
@SameForEveryViewer
public class SiteSettingsService {

    static final String KEPT_AS = "site-settings";
    static final Duration LIFETIME = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    KeptCopies keptCopies;

    private final Clock clock = Clock.systemUTC();
    @Inject
    SiteSettingsReader reader;

    private LoadingCache<Boolean, SiteSettings> current;

    @PostConstruct
    void keep() {
        current = Caffeine.newBuilder().expireAfterWrite(LIFETIME).build(unused -> reader.read());
    }

    void forget(@Observes KeptCopies.Forget notice) {
        if (KEPT_AS.equals(notice.name())) {
            current.invalidateAll();
        }
    }

    public SiteSettings current() {
        return current.get(Boolean.TRUE);
    }

    /** For pages: the announcement to show above everything, or null. */
    public String getAnnouncement() {
        return current().announcementText().orElse(null);
    }

    /** Saves {@code settings} (checked by the record itself, and to come from an admin); every instance applies them within moments. */
    @Transactional
    public SiteSettings save(SiteSettings settings) {
        SiteSettingsRow row = em.find(SiteSettingsRow.class, true, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SiteSettingsRow();
            em.persist(row);
        }
        row.signUpsOpen = settings.signUpsOpen();
        row.uploadMaxMegabytes = settings.uploadMaxMegabytes();
        row.uploadMaxMinutes = settings.uploadMaxMinutes();
        row.generationsUnfinishedMax = settings.generationsUnfinishedMax();
        row.generationsPerDay = settings.generationsPerDay();
        row.announcement = settings.announcementText().orElse(null);
        row.updatedAt = clock.instant();
        keptCopies.changed(em, KEPT_AS);
        return row.settings();
    }
}
