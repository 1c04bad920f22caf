package com.soundhub.site;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.soundhub.jobs.KeptCopies;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.SameForEveryViewer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

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

    @Inject
    Validator validator;

    private final Clock clock = Clock.systemUTC();
    @Resource
    ManagedExecutorService executor;

    private AsyncLoadingCache<Boolean, SiteSettings> current;

    @PostConstruct
    void keep() {
        current = Caffeine.newBuilder()
                .expireAfterWrite(LIFETIME)
                // Read on a container thread of its own, as the taxonomy's lists are: read on the
                // thread of a page, outside a transaction, the page's entity manager was left closed.
                .executor(executor)
                .buildAsync(unused -> em.createQuery("SELECT s FROM SiteSettingsRow s", SiteSettingsRow.class).getResultList()
                        .stream().findFirst().map(SiteSettingsRow::settings).orElse(SiteSettings.AS_CONFIGURED));
    }

    void forget(@Observes KeptCopies.Forget notice) {
        if (KEPT_AS.equals(notice.name())) {
            current.synchronous().invalidateAll();
        }
    }

    public SiteSettings current() {
        return current.get(Boolean.TRUE).join();
    }

    /** For pages: the announcement to show above everything, or null. */
    public String getAnnouncement() {
        return current().announcementText().orElse(null);
    }

    /** Saves {@code settings} (already checked to come from an admin); every instance applies them within moments. */
    @Transactional
    public SiteSettings save(SiteSettings settings) {
        Set<ConstraintViolation<SiteSettings>> violations = validator.validate(settings);
        if (!violations.isEmpty()) {
            ConstraintViolation<SiteSettings> first = violations.iterator().next();
            throw new RuleViolation(first.getPropertyPath().toString(), first.getMessage());
        }
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
