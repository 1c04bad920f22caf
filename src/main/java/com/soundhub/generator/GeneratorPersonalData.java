package com.soundhub.generator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.accounts.PersonalDataPart;
import com.soundhub.accounts.PersonalDataZip;
import com.soundhub.projects.contents.ContentRepository;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The music a member generated, in their data download: what they asked for, the MIDI file and the stems. */
@ApplicationScoped
public class GeneratorPersonalData implements PersonalDataPart {

    /** Every piece a member has; far more than anyone makes (a day's limit is a few dozen). */
    private static final int ALL = 100_000;

    @Inject
    GeneratorService generations;

    @Inject
    ObjectStorage storage;

    @Inject
    ContentStore contents;

    @Override
    public int position() {
        return 50;
    }

    @Override
    public void write(long memberId, PersonalDataZip zip) throws IOException {
        List<Generation> pieces = generations.ownedBy(memberId, ALL);
        zip.json("pieces.json", pieces.stream().map(GeneratorPersonalData::facts).toList());
        for (Generation piece : pieces) {
            if (piece.getState() != GenerationState.READY) {
                continue;
            }
            String folder = "pieces/" + piece.getId() + "/";
            zip.stored(folder + GenerationFiles.MIDI, storage, GenerationFiles.prefix(piece.getRecording()) + GenerationFiles.MIDI);
            for (ContentRepository.Held stem : generations.stems(memberId, piece.getId())) {
                zip.file(folder + stem.name(), contents.open(stem.hash()));
            }
        }
    }

    private static Map<String, Object> facts(Generation piece) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", piece.getId().toString());
        facts.put("title", piece.getTitle());
        facts.put("genre", piece.getGenre().name());
        facts.put("mood", piece.getMood().name());
        facts.put("tempoBpm", piece.getTempoBpm());
        facts.put("lengthSeconds", piece.getLengthSeconds());
        facts.put("requestedKey", piece.getRequestedKey());
        facts.put("playedKey", piece.getPlayedKey());
        facts.put("seed", piece.getSeed());
        facts.put("state", piece.getState().name());
        facts.put("whyItFailed", piece.getReason());
        facts.put("recording", piece.getRecording().getPublicId());
        facts.put("requestedAt", piece.getCreatedAt().toString());
        facts.put("finishedAt", piece.getFinishedAt() == null ? null : piece.getFinishedAt().toString());
        return facts;
    }
}
