package com.soundhub.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageResizerTest {

    @Test
    void coversTheTargetAndCropsTheMiddle() throws Exception {
        // A wide picture, red on the left and right thirds, blue in the middle third.
        BufferedImage wide = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3000; x++) {
            for (int y = 0; y < 1000; y++) {
                wide.setRGB(x, y, x >= 1000 && x < 2000 ? 0x0000ff : 0xff0000);
            }
        }
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(ImageResizer.toJpeg(png(wide), 400, 400)));
        assertThat(avatar.getWidth()).isEqualTo(400);
        assertThat(avatar.getHeight()).isEqualTo(400);
        int centre = avatar.getRGB(200, 200);
        assertThat(centre & 0xff).as("blue").isGreaterThan(200);
        assertThat((centre >> 16) & 0xff).as("red").isLessThan(60);
    }

    @Test
    void refusesWhatIsNotAPictureOrTooSmall() throws Exception {
        assertThatThrownBy(() -> ImageResizer.toJpeg("hello".getBytes(), 400, 400))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("not a picture");
        assertThatThrownBy(() -> ImageResizer.toJpeg(png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)), 400, 400))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("too small");
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
