package com.soundhub.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A named, ordered entry of a vocabulary that admins can retire without breaking old references. */
@MappedSuperclass
public abstract class TaxonomyTerm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Short id;

    @Column(nullable = false, length = 40, unique = true)
    private String slug;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active = true;

    protected TaxonomyTerm() {
    }

    protected TaxonomyTerm(String slug, String name, int position) {
        this.slug = slug;
        this.name = name;
        this.position = position;
    }

    public Short getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
