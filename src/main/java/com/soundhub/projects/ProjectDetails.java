package com.soundhub.projects;

import java.util.Set;

import com.soundhub.recordings.License;
import com.soundhub.recordings.Visibility;

/** A project's settings once checked: what the new-project and settings forms and the API set. */
public record ProjectDetails(String title, String description, Short genreId, Short tempo, String key,
                             String timeSignature, License license, Visibility visibility, Set<Short> wantedInstruments) {
}
