package com.soundhub.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "instruments")
public class Instrument extends TaxonomyTerm {

    protected Instrument() {
    }

    public Instrument(String slug, String name, int position) {
        super(slug, name, position);
    }
}
