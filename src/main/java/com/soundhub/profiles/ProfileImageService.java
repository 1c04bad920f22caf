package com.soundhub.profiles;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.AccountService.PictureChange;
import com.soundhub.accounts.Member;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.StoredObjectNotFoundException;
import com.soundhub.media.ImageResizer;
import com.soundhub.media.PictureUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatars and banners: resized and stored in the bucket first, then recorded on the member's
 * account, and the picture they replace deleted once that is committed.
 */
@ApplicationScoped
public class ProfileImageService {


    private static final Logger log = LoggerFactory.getLogger(ProfileImageService.class);
    private static final SecureRandom random = new SecureRandom();

    @Inject
    ObjectStorage storage;

    @Inject
    AccountService accounts;

    /**
     * Stores a new picture for the member and returns its URL.
     *
     * <p>Resizing and uploading take a while, so they happen outside any transaction; only
     * recording the new key is one, in the accounts service. As this never joins a caller's
     * transaction, the recording has committed by the time it returns, so the replaced picture
     * is deleted only once nothing refers to it.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public String replace(long memberId, ProfileImageKind kind, InputStream upload) {
        byte[] jpeg = ImageResizer.toJpeg(PictureUploads.read(upload, "image"), kind.width(), kind.height());
        String key = "members/" + memberId + "/" + kind.name().toLowerCase(Locale.ROOT) + "-"
                + HexFormat.of().formatHex(nextBytes()) + ".jpg";
        storage.put(key, jpeg, "image/jpeg");
        PictureChange change;
        try {
            change = switch (kind) {
                case AVATAR -> accounts.useAvatar(memberId, key);
                case BANNER -> accounts.useBanner(memberId, key);
            };
        } catch (RuntimeException e) {
            deleteUnused(key); // not recorded, so nothing will ever ask for it
            throw e;
        }
        change.replacedKey().ifPresent(this::deleteUnused);
        return url(change.member(), kind);
    }

    /** The stored picture of the member with this nickname; {@link NotFound} when there is none. */
    public InputStream open(String nickname, ProfileImageKind kind) {
        Member member = accounts.profile(nickname).orElseThrow(() -> new NotFound("member " + nickname));
        String key = kind == ProfileImageKind.BANNER ? member.getBannerKey() : member.getAvatarKey();
        if (key == null) {
            throw new NotFound(kind + " of " + nickname);
        }
        try {
            return storage.open(key);
        } catch (StoredObjectNotFoundException e) {
            // Replaced and deleted between reading the member and opening the picture.
            throw new NotFound(kind + " of " + nickname);
        }
    }

    public static String url(Member member, ProfileImageKind kind) {
        return "/members/" + com.soundhub.web.Paths.segment(member.getNickname()) + "/"
                + kind.name().toLowerCase(Locale.ROOT) + ".jpg?v=" + member.getImagesVersion();
    }

    /** A picture no account refers to only costs storage, so failing to delete it fails nothing else. */
    private void deleteUnused(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not delete the unused picture {}; it stays in the bucket", key, e);
        }
    }

    private static byte[] nextBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
