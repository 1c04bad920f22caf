package com.soundhub.recordings;

import java.util.List;

/**
 * Where a recording published from elsewhere was made, shown on its page with a link back.
 *
 * @param label   such as "Late Train, r3"
 * @param path    the page it links to
 * @param credits the nicknames of everyone whose work is in it
 */
public record MadeIn(String label, String path, List<String> credits) {
}
