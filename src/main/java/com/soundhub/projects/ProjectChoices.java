package com.soundhub.projects;

import java.util.List;

import com.soundhub.recordings.License;
import com.soundhub.recordings.MusicalKeys;
import com.soundhub.recordings.Visibility;
import com.soundhub.taxonomy.Instrument;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;

/** The lists the project forms offer: genres, instruments, keys, time signatures, licences, visibilities. */
@ApplicationScoped
public class ProjectChoices {

    static final List<String> TIME_SIGNATURES = List.of("4/4", "3/4", "2/4", "6/8", "5/4", "7/8", "12/8");

    @Inject
    TaxonomyService taxonomy;

    public List<Instrument> instruments() {
        return taxonomy.activeInstruments();
    }

    public void addTo(Models models) {
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        models.put("keys", MusicalKeys.ALL);
        models.put("timeSignatures", TIME_SIGNATURES);
        models.put("licenses", List.of(License.values()));
        models.put("visibilities", List.of(Visibility.values()));
    }
}
