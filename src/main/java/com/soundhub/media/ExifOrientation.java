package com.soundhub.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * How a camera says its picture must be turned to stand upright: the EXIF Orientation tag.
 * Phones store the sensor's pixels as they come and only record how the phone was held, and
 * ImageIO ignores that record, so without this a portrait photo comes out lying on its side.
 *
 * <p>The eight values, as the EXIF standard defines them by where the stored picture's first
 * row and first column belong: 1 top and left (upright), 2 top and right (mirrored), 3 bottom
 * and right (upside down), 4 bottom and left (mirrored upside down), 5 left and top, 6 right
 * and top (turned a quarter anticlockwise, so it must be turned clockwise), 7 right and bottom,
 * 8 left and bottom (must be turned anticlockwise). 5 to 8 swap width and height.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The picture's orientation, or {@link #UPRIGHT} when it has none or its metadata cannot be read. */
    static int of(byte[] picture) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(picture), picture.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int orientation = exif.getInt(ExifDirectoryBase.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (Exception e) {
            // The pixels were readable; broken metadata is no reason to refuse the picture.
            return UPRIGHT;
        }
    }

    /** True when standing the picture upright swaps its width and height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The stored picture turned and mirrored as {@code orientation} says, so that it stands upright. */
    static BufferedImage upright(BufferedImage stored, int orientation) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        // Each maps a stored pixel's corner (x, y) to where it is shown: (m00 x + m01 y + m02, m10 x + m11 y + m12).
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) {
            return stored;
        }
        boolean swaps = swapsSides(orientation);
        BufferedImage shown = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = shown.createGraphics();
        graphics.drawImage(stored, turn, null);
        graphics.dispose();
        return shown;
    }
}
