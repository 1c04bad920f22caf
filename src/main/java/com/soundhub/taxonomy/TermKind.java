package com.soundhub.taxonomy;

/** The two vocabularies. */
public enum TermKind {
    GENRE(Genre.class, "genre"),
    INSTRUMENT(Instrument.class, "instrument");

    private final Class<? extends TaxonomyTerm> entity;
    private final String label;

    TermKind(Class<? extends TaxonomyTerm> entity, String label) {
        this.entity = entity;
        this.label = label;
    }

    Class<? extends TaxonomyTerm> entity() {
        return entity;
    }

    public String label() {
        return label;
    }
}
