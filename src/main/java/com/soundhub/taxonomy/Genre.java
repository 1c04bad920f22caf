package com.soundhub.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "genres")
public class Genre extends TaxonomyTerm {

    protected Genre() {
    }

    public Genre(String slug, String name, int position) {
        super(slug, name, position);
    }
}
