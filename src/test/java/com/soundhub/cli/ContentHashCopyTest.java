package com.soundhub.cli;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's copy of the content hash gives what the server's gives, block edges included. */
class ContentHashCopyTest {

    @Test
    void sameHashesAsTheServer() {
        Random random = new Random(7);
        int block = ContentHash.BLOCK_SIZE;
        for (int size : new int[] {0, 1, 1000, block - 1, block, block + 1, 2 * block + 12345}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            assertThat(ContentHash.of(content))
                    .as("%d bytes", size)
                    .isEqualTo(com.soundhub.projects.contents.ContentHash.of(content));
        }
    }
}
