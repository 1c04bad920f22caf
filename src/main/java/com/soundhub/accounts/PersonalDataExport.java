package com.soundhub.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.soundhub.platform.rules.NotFound;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.taxonomy.TaxonomyTerm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * "Download my data": a zip, written as it is sent, of the member's profile and of what every
 * feature keeps of theirs ({@link PersonalDataPart}s), as JSON plus their files.
 */
@ApplicationScoped
public class PersonalDataExport {

    static final String README = """
            Your SoundHub data
            ==================

            profile.json        your account and profile (and your pictures, if you have any)
            recordings.json     your recordings, with their original files under recordings/
            comments.json       the comments you wrote
            messages-sent.json  the direct messages you sent
            following.json      the members you follow
            pieces.json         the music you generated, with its MIDI file and stems under pieces/

            Times are in UTC (ISO 8601).
            """;

    @Inject
    AccountService accounts;

    @Inject
    ObjectStorage storage;

    @Inject
    ProviderSignIns providerSignIns;

    @Inject
    @Any
    Instance<PersonalDataPart> parts;

    /** Writes the member's data as a zip to {@code out}. */
    public void write(long memberId, OutputStream out) throws IOException {
        Member member = accounts.member(memberId).filter(Member::isActive).orElseThrow(NotFound::new);
        List<PersonalDataPart> ordered = parts.stream().sorted(Comparator.comparingInt(PersonalDataPart::position)).toList();
        try (PersonalDataZip zip = new PersonalDataZip(out)) {
            zip.text("README.txt", README);
            Map<String, Object> profile = profile(member);
            profile.put("signInProviders", providerSignIns.linked(memberId).stream()
                    .map(identity -> Map.of("provider", identity.label(), "email", String.valueOf(identity.email()),
                            "linkedAt", identity.linkedAt().toString()))
                    .toList());
            zip.json("profile.json", profile);
            if (member.getAvatarKey() != null) {
                zip.stored("profile/avatar.jpg", storage, member.getAvatarKey());
            }
            if (member.getBannerKey() != null) {
                zip.stored("profile/banner.jpg", storage, member.getBannerKey());
            }
            for (PersonalDataPart part : ordered) {
                part.write(memberId, zip);
            }
        }
    }

    private static Map<String, Object> profile(Member member) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("nickname", member.getNickname());
        profile.put("email", member.getEmail());
        profile.put("role", member.getRole().name());
        profile.put("bio", member.getBio());
        profile.put("joinedAt", member.getCreatedAt().toString());
        profile.put("passwordChangedAt", member.getPasswordChangedAt().toString());
        profile.put("emailConfirmed", member.isEmailConfirmed());
        profile.put("favouriteGenres", member.getFavouriteGenres().stream().map(TaxonomyTerm::getName).toList());
        profile.put("favouriteInstruments", member.getFavouriteInstruments().stream().map(TaxonomyTerm::getName).toList());
        return profile;
    }
}
