package com.soundhub.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.Member;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.PurgeObjectsJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Avatars and banners: resized here, stored in the bucket, replaced pictures deleted. */
@ApplicationScoped
public class ProfileImageService {

    /** Pictures come through the app (they are small); anything bigger is refused while reading. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final SecureRandom random = new SecureRandom();

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    PurgeObjectsJob purge;

    @Inject
    AccountService accounts;

    /** Stores a new picture for the member and returns its URL. */
    @Transactional
    public String replace(long memberId, ProfileImageKind kind, InputStream upload) {
        byte[] jpeg = ImageResizer.toJpeg(readLimited(upload), kind.width(), kind.height());
        String key = "members/" + memberId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + HexFormat.of().formatHex(nextBytes()) + ".jpg";
        storage.put(key, jpeg, "image/jpeg");
        Member member = em.find(Member.class, memberId);
        String previous = member.replaceImage(kind == ProfileImageKind.BANNER, key);
        if (previous != null) {
            purge.purge(previous);
        }
        return url(member, kind);
    }

    /** The stored picture of the member with this nickname; "not found" when there is none. */
    public InputStream open(String nickname, ProfileImageKind kind) {
        Member member = accounts.profile(nickname).orElseThrow(NotFoundException::new);
        String key = kind == ProfileImageKind.BANNER ? member.getBannerKey() : member.getAvatarKey();
        return Optional.ofNullable(key).map(storage::open).orElseThrow(NotFoundException::new);
    }

    public static String url(Member member, ProfileImageKind kind) {
        return "/members/" + com.soundhub.web.Paths.segment(member.getNickname()) + "/"
                + kind.name().toLowerCase(java.util.Locale.ROOT) + ".jpg?v=" + member.getImagesVersion();
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] readLimited(InputStream upload) {
        try {
            byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RuleViolation("image", "That picture is larger than 10 MB; use a smaller one.");
            }
            if (bytes.length == 0) {
                throw new RuleViolation("image", "Choose a picture first.");
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleViolation("image", "The picture did not arrive completely. Try again.");
        }
    }
}
