package com.soundhub.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.soundhub.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an uploaded picture into a JPEG of exactly the wanted size, cropped to fill it and standing
 * upright as the camera's EXIF orientation says. Reads the dimensions before decoding, so a small
 * file that claims to be enormous is refused without allocating its pixels. Everything it cannot
 * read is refused with a message, never an exception.
 */
public final class ImageResizer {

    /** Larger pictures are refused before decoding: 40 megapixels is already a big camera. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Logger log = LoggerFactory.getLogger(ImageResizer.class);

    private ImageResizer() {
    }

    public static byte[] toJpeg(byte[] upload, int width, int height) {
        BufferedImage stored = decode(upload);
        int orientation = ExifOrientation.of(upload);
        // Scaling and a centred crop give the same picture before or after it is turned upright,
        // so the small result is turned rather than the full-size photo.
        boolean swaps = ExifOrientation.swapsSides(orientation);
        BufferedImage cropped = cover(stored, swaps ? height : width, swaps ? width : height);
        return encode(ExifOrientation.upright(cropped, orientation));
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new RuleViolation("image", "That picture is too large; use one under 40 megapixels.");
                }
                BufferedImage image = reader.read(0);
                if (image.getWidth() < 16 || image.getHeight() < 16) {
                    throw new RuleViolation("image", "That picture is too small; use one at least 16 pixels wide and high.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            log.info("A picture could not be read: {}", e.toString());
            throw unreadable();
        }
    }

    /** Scales to cover the target, centred, then crops; large sources are halved step by step for a smooth result. */
    static BufferedImage cover(BufferedImage source, int width, int height) {
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        BufferedImage current = toRgb(source);
        while (scale < 0.5) {
            current = scaled(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2));
            scale *= 2;
        }
        int scaledWidth = Math.max(width, (int) Math.round(current.getWidth() * scale));
        int scaledHeight = Math.max(height, (int) Math.round(current.getHeight() * scale));
        BufferedImage fitted = scaled(current, scaledWidth, scaledHeight);
        return fitted.getSubimage((scaledWidth - width) / 2, (scaledHeight - height) / 2, width, height);
    }

    private static BufferedImage toRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        // Transparent areas become white rather than black in a JPEG.
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, source.getWidth(), source.getHeight());
        graphics.drawImage(source, 0, 0, null);
        graphics.dispose();
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), params);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static RuleViolation unreadable() {
        return new RuleViolation("image", "That file is not a picture SoundHub can read. Use a JPEG, PNG or GIF image.");
    }
}
