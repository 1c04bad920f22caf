package com.soundhub.profiles;

/** The two pictures of a profile, and the size each is stored at (cropped to fill). */
public enum ProfileImageKind {
    AVATAR(400, 400),
    BANNER(1600, 400);

    private final int width;
    private final int height;

    ProfileImageKind(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    static ProfileImageKind fromPath(String name) {
        return "banner".equals(name) ? BANNER : "avatar".equals(name) ? AVATAR : null;
    }
}
