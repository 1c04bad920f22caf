package com.soundhub.recordings;

/** The terms a recording is shared under. */
public enum License {
    ALL_RIGHTS_RESERVED("All rights reserved", null),
    CC_BY("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC_BY_ND("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    CC_BY_NC("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    CC_BY_NC_SA("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    CC_BY_NC_ND("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    CC0("CC0 1.0 (public domain)", "https://creativecommons.org/publicdomain/zero/1.0/");

    private final String label;
    private final String url;

    License(String label, String url) {
        this.label = label;
        this.url = url;
    }

    public String getLabel() {
        return label;
    }

    /** The licence text, or null for all rights reserved. */
    public String getUrl() {
        return url;
    }
}
