package com.soundhub.recordings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModeratorHidingTest {

    @Test
    void hiddenThingsArePrivateAndGetBackWhatTheirOwnersChoseMeanwhile() {
        ModeratorHiding hiding = new ModeratorHiding();
        Visibility visibility = hiding.hide(Visibility.PUBLIC, "Stolen artwork");
        assertThat(visibility).isEqualTo(Visibility.PRIVATE);
        assertThat(hiding.isHidden()).isTrue();
        assertThat(hiding.getReason()).isEqualTo("Stolen artwork");
        assertThat(hiding.chosen(visibility)).isEqualTo(Visibility.PUBLIC);

        visibility = hiding.choose(visibility, Visibility.UNLISTED);
        assertThat(visibility).as("the choice waits").isEqualTo(Visibility.PRIVATE);
        assertThat(hiding.chosen(visibility)).isEqualTo(Visibility.UNLISTED);

        visibility = hiding.hide(visibility, "Also spam");
        assertThat(hiding.getReason()).isEqualTo("Also spam");
        assertThat(hiding.unhide(visibility)).as("hiding twice keeps the owners' choice").isEqualTo(Visibility.UNLISTED);
        assertThat(hiding.isHidden()).isFalse();
    }

    @Test
    void somethingNeverHiddenIsLeftAsItIs() {
        ModeratorHiding hiding = new ModeratorHiding();
        assertThat(hiding.unhide(Visibility.PUBLIC)).isEqualTo(Visibility.PUBLIC);
        assertThat(hiding.choose(Visibility.PUBLIC, Visibility.PRIVATE)).isEqualTo(Visibility.PRIVATE);
        assertThat(hiding.chosen(Visibility.UNLISTED)).isEqualTo(Visibility.UNLISTED);
    }
}
