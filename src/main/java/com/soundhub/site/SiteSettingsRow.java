package com.soundhub.site;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row of {@code site_settings}; a null limit means "as configured". */
@Entity
@Table(name = "site_settings")
class SiteSettingsRow {

    @Id
    private boolean id = true;

    @Column(name = "sign_ups_open", nullable = false)
    boolean signUpsOpen = true;

    @Column(name = "upload_max_megabytes")
    Integer uploadMaxMegabytes;

    @Column(name = "upload_max_minutes")
    Integer uploadMaxMinutes;

    @Column(name = "generations_unfinished_max")
    Integer generationsUnfinishedMax;

    @Column(name = "generations_per_day")
    Integer generationsPerDay;

    @Column(length = 280)
    String announcement;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    SiteSettings settings() {
        return new SiteSettings(signUpsOpen, uploadMaxMegabytes, uploadMaxMinutes, generationsUnfinishedMax, generationsPerDay,
                announcement);
    }
}
