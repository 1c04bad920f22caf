package com.soundhub.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reads the settings row in a transaction of its own, as the taxonomy's lists are read: for a
 * cache, on whatever thread asks first, where an entity manager used outside a transaction was
 * seen closed under what the page read next.
 */
@ApplicationScoped
class SiteSettingsReader {

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SiteSettings read() {
        SiteSettingsRow row = em.find(SiteSettingsRow.class, true);
        return row == null ? SiteSettings.AS_CONFIGURED : row.settings();
    }
}
