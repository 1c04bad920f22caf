package com.soundhub.recordings;

import java.util.List;

import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;

/** The lists a recording form offers: genres, instruments, keys, licences, visibilities. */
@ApplicationScoped
public class RecordingChoices {

    @Inject
    TaxonomyService taxonomy;

    public void addTo(Models models) {
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        models.put("keys", MusicalKeys.ALL);
        models.put("licenses", List.of(License.values()));
        models.put("visibilities", List.of(Visibility.values()));
    }
}
