package com.soundhub.profiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.Member;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.storage.ObjectStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order of work when a picture is replaced: store, record on the account, then delete the old one. */
class ProfileImageServiceTest {

    private static final String OLD_KEY = "members/7/avatar-0011223344556677.jpg";

    private final List<String> steps = new ArrayList<>();
    private final Member member = new Member("ada@example.com", "ada", "hash", Instant.EPOCH);
    private final ProfileImageService service = new ProfileImageService();
    private RuntimeException recordingFails;
    private RuntimeException deletingFails;

    @BeforeEach
    void wire() {
        member.replaceImage(false, OLD_KEY);
        service.storage = storage();
        service.accounts = new AccountService() {
            @Override
            public PictureChange useAvatar(long memberId, String key) {
                steps.add("record " + key);
                if (recordingFails != null) {
                    throw recordingFails;
                }
                String replaced = member.replaceImage(false, key);
                return new PictureChange(member, Optional.ofNullable(replaced));
            }

            @Override
            public Optional<Member> profile(String nickname) {
                return Optional.of(member).filter(m -> m.getNickname().equals(nickname));
            }
        };
    }

    @Test
    void storesTheNewPictureThenRecordsItThenDeletesTheOldOne() throws Exception {
        String url = service.replace(7, ProfileImageKind.AVATAR, png());

        String newKey = member.getAvatarKey();
        assertThat(newKey).startsWith("members/7/avatar-").endsWith(".jpg").isNotEqualTo(OLD_KEY);
        assertThat(steps).containsExactly("put " + newKey, "record " + newKey, "delete " + OLD_KEY);
        assertThat(url).isEqualTo("/members/ada/avatar.jpg?v=" + member.getImagesVersion());
    }

    @Test
    void aPictureThatCannotBeRecordedIsDeletedAgainAndTheOldOneKept() {
        recordingFails = new NotFound("member 7");

        assertThatThrownBy(() -> service.replace(7, ProfileImageKind.AVATAR, png())).isSameAs(recordingFails);

        assertThat(steps).hasSize(3);
        String newKey = steps.get(0).substring("put ".length());
        assertThat(steps).containsExactly("put " + newKey, "record " + newKey, "delete " + newKey);
        assertThat(member.getAvatarKey()).isEqualTo(OLD_KEY);
    }

    @Test
    void aFailedDeletionOfTheOldPictureDoesNotFailTheNewOne() throws Exception {
        deletingFails = new RuntimeException("S3 is away", null, false, false) { }; // no stack trace in the test log

        String url = service.replace(7, ProfileImageKind.AVATAR, png());

        assertThat(url).startsWith("/members/ada/avatar.jpg");
        assertThat(steps).last().isEqualTo("delete " + OLD_KEY);
    }

    @Test
    void aMissingMemberOrPictureIsNotFound() {
        assertThatThrownBy(() -> service.open("nobody", ProfileImageKind.AVATAR)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.open("ada", ProfileImageKind.BANNER)).isInstanceOf(NotFound.class);
        assertThat(service.open("ada", ProfileImageKind.AVATAR)).isNotNull();
    }

    /** A bucket that notes what is put and deleted. */
    private ObjectStorage storage() {
        return (ObjectStorage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ObjectStorage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> {
                        steps.add("put " + args[0]);
                        yield null;
                    }
                    case "delete" -> {
                        steps.add("delete " + args[0]);
                        if (deletingFails != null) {
                            throw deletingFails;
                        }
                        yield null;
                    }
                    case "open" -> InputStream.nullInputStream();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InputStream png() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
