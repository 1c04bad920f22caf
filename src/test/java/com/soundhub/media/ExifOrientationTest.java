package com.soundhub.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos as phones store them: JPEG pixels as the sensor saw them, plus an APP1 Exif segment
 * saying how to turn them upright. Every picture here shows the same upright scene, a 400 by 300
 * picture with a red top-left, green top-right, blue bottom-left and white bottom-right quarter.
 */
class ExifOrientationTest {

    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;
    private static final int WHITE = 0xffffff;

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationComesOutUpright(int orientation) throws Exception {
        byte[] photo = withOrientation(jpeg(storedAsCameraWould(quarters(400, 300), orientation)), orientation, ByteOrder.BIG_ENDIAN);

        BufferedImage resized = read(ImageResizer.toJpeg(photo, 200, 150));

        assertThat(resized.getWidth()).isEqualTo(200);
        assertThat(resized.getHeight()).isEqualTo(150);
        assertColour(resized, 50, 37, RED, "top left");
        assertColour(resized, 150, 37, GREEN, "top right");
        assertColour(resized, 50, 112, BLUE, "bottom left");
        assertColour(resized, 150, 112, WHITE, "bottom right");
    }

    @Test
    void aPortraitPhoneShotStoredSidewaysBecomesAnUprightAvatar() throws Exception {
        // Held upright, a phone photographs sky above grass; its sensor stores the scene lying on
        // its side (4000 x 3000 here, 400 x 300) with orientation 6.
        BufferedImage scene = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 300; x++) {
            for (int y = 0; y < 400; y++) {
                scene.setRGB(x, y, y < 200 ? BLUE : GREEN);
            }
        }
        BufferedImage stored = storedAsCameraWould(scene, 6);
        assertThat(stored.getWidth()).as("stored landscape").isEqualTo(400);
        byte[] photo = withOrientation(jpeg(stored), 6, ByteOrder.LITTLE_ENDIAN);

        BufferedImage avatar = read(ImageResizer.toJpeg(photo, 400, 400));

        assertThat(avatar.getWidth()).isEqualTo(400);
        assertThat(avatar.getHeight()).isEqualTo(400);
        assertColour(avatar, 200, 50, BLUE, "sky on top");
        assertColour(avatar, 200, 350, GREEN, "grass below");
    }

    @Test
    void readsTheTagInEitherByteOrderAndTreatsMissingOrBrokenMetadataAsUpright() throws Exception {
        byte[] plain = jpeg(quarters(64, 48));
        assertThat(ExifOrientation.of(withOrientation(plain, 8, ByteOrder.BIG_ENDIAN))).isEqualTo(8);
        assertThat(ExifOrientation.of(withOrientation(plain, 5, ByteOrder.LITTLE_ENDIAN))).isEqualTo(5);
        assertThat(ExifOrientation.of(plain)).isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(ExifOrientation.of(withOrientation(plain, 0, ByteOrder.BIG_ENDIAN))).as("out of range").isEqualTo(1);
        assertThat(ExifOrientation.of(withOrientation(plain, 200, ByteOrder.BIG_ENDIAN))).as("out of range").isEqualTo(1);

        byte[] brokenExif = withOrientation(plain, 6, ByteOrder.BIG_ENDIAN);
        brokenExif[12] = 'X'; // the TIFF header's byte order mark ("MM")
        assertThat(ExifOrientation.of(brokenExif)).isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(read(ImageResizer.toJpeg(brokenExif, 32, 24)).getWidth()).as("still accepted").isEqualTo(32);
    }

    /** The upright scene: four coloured quarters. */
    private static BufferedImage quarters(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean left = x < width / 2;
                boolean top = y < height / 2;
                image.setRGB(x, y, top ? (left ? RED : GREEN) : (left ? BLUE : WHITE));
            }
        }
        return image;
    }

    /**
     * The pixels a camera stores for an upright {@code scene} when it records {@code orientation}.
     * Written from the EXIF standard's wording, which says where the stored first row and first
     * column are shown, independently of the code under test.
     */
    private static BufferedImage storedAsCameraWould(BufferedImage scene, int orientation) {
        int shownWidth = scene.getWidth();
        int shownHeight = scene.getHeight();
        boolean sideways = orientation >= 5;
        int width = sideways ? shownHeight : shownWidth;
        int height = sideways ? shownWidth : shownHeight;
        BufferedImage stored = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < shownWidth; x++) {
            for (int y = 0; y < shownHeight; y++) {
                int[] from = switch (orientation) {
                    case 1 -> new int[]{x, y};                           // row 0 at the top, column 0 on the left
                    case 2 -> new int[]{width - 1 - x, y};               // row 0 at the top, column 0 on the right
                    case 3 -> new int[]{width - 1 - x, height - 1 - y};  // row 0 at the bottom, column 0 on the right
                    case 4 -> new int[]{x, height - 1 - y};              // row 0 at the bottom, column 0 on the left
                    case 5 -> new int[]{y, x};                           // row 0 on the left, column 0 at the top
                    case 6 -> new int[]{y, height - 1 - x};              // row 0 on the right, column 0 at the top
                    case 7 -> new int[]{width - 1 - y, height - 1 - x};  // row 0 on the right, column 0 at the bottom
                    case 8 -> new int[]{width - 1 - y, x};               // row 0 on the left, column 0 at the bottom
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                };
                stored.setRGB(from[0], from[1], scene.getRGB(x, y));
            }
        }
        return stored;
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", bytes)).isTrue();
        return bytes.toByteArray();
    }

    /**
     * The JPEG with an APP1 Exif segment inserted right after its start marker, as cameras write
     * it: "Exif" and a TIFF header, then one IFD0 entry, Orientation (0x0112), a SHORT.
     */
    private static byte[] withOrientation(byte[] jpeg, int orientation, ByteOrder order) {
        byte[] tiff = ByteBuffer.allocate(26).order(order)
                .put((order == ByteOrder.BIG_ENDIAN ? "MM" : "II").getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 42)
                .putInt(8)                  // IFD0 follows the header
                .putShort((short) 1)        // one entry
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)                  // no further IFD
                .array();
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length + tiff.length)
                .putShort((short) 0xFFE1).putShort((short) (2 + exif.length + tiff.length)).put(exif).put(tiff);
        return ByteBuffer.allocate(jpeg.length + segment.capacity())
                .put(jpeg, 0, 2).put(segment.array()).put(jpeg, 2, jpeg.length - 2).array();
    }

    private static BufferedImage read(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertColour(BufferedImage image, int x, int y, int expected, String where) {
        int actual = image.getRGB(x, y) & 0xffffff;
        for (int shift = 0; shift <= 16; shift += 8) {
            int want = (expected >> shift) & 0xff;
            int got = (actual >> shift) & 0xff;
            assertThat(Math.abs(want - got)).as("%s at (%d, %d) is %06x, expected %06x", where, x, y, actual, expected)
                    .isLessThan(40);
        }
    }
}
