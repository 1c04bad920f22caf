package com.soundhub.recordings;

import java.io.IOException;
import java.util.List;

import com.soundhub.accounts.PersonalDataPart;
import com.soundhub.accounts.PersonalDataZip;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A member's recordings in their data download: what each is, and the original file they uploaded. */
@ApplicationScoped
public class RecordingsPersonalData implements PersonalDataPart {

    @Inject
    RecordingService recordings;

    @Inject
    ObjectStorage storage;

    @Override
    public int position() {
        return 10;
    }

    @Override
    public void write(long memberId, PersonalDataZip zip) throws IOException {
        List<RecordingService.Exported> theirs = recordings.exportedFor(memberId);
        zip.json("recordings.json", theirs.stream().map(RecordingService.Exported::facts).toList());
        for (RecordingService.Exported recording : theirs) {
            if (recording.file() != null) {
                zip.stored(recording.file(), storage, recording.originalKey());
            }
        }
    }
}
