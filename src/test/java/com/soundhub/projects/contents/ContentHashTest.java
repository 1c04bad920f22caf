package com.soundhub.projects.contents;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void aSmallFileIsTheDigestOfItsOneBlockDigest() throws Exception {
        byte[] content = "kick drum".getBytes();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String expected = HexFormat.of().formatHex(sha.digest(sha.digest(content)));
        assertThat(ContentHash.of(content)).isEqualTo(expected);
    }

    @Test
    void anEmptyFileHashesNoBlockAtAll() throws Exception {
        String emptySha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
        assertThat(ContentHash.of(new byte[0])).isEqualTo(emptySha);
    }

    @Test
    void blocksAreFourMebibytesWhateverTheReadSizes() throws Exception {
        byte[] content = new byte[ContentHash.BLOCK_SIZE * 2 + 12345];
        new Random(7).nextBytes(content);
        MessageDigest block = MessageDigest.getInstance("SHA-256");
        MessageDigest overall = MessageDigest.getInstance("SHA-256");
        for (int start = 0; start < content.length; start += ContentHash.BLOCK_SIZE) {
            block.update(content, start, Math.min(ContentHash.BLOCK_SIZE, content.length - start));
            overall.update(block.digest());
        }
        String expected = HexFormat.of().formatHex(overall.digest());

        assertThat(ContentHash.of(content)).isEqualTo(expected);
        assertThat(ContentHash.of(new ByteArrayInputStream(content))).isEqualTo(expected);
        ContentHash oddReads = new ContentHash();
        for (int start = 0; start < content.length; start += 999_983) {
            oddReads.update(content, start, Math.min(999_983, content.length - start));
        }
        assertThat(oddReads.size()).isEqualTo(content.length);
        assertThat(oddReads.finish()).isEqualTo(expected);
    }

    @Test
    void aChangedByteChangesTheHash() {
        byte[] content = new byte[ContentHash.BLOCK_SIZE + 1];
        String before = ContentHash.of(content);
        content[ContentHash.BLOCK_SIZE] = 1;
        assertThat(ContentHash.of(content)).isNotEqualTo(before).satisfies(hash -> assertThat(ContentHash.looksValid(hash)).isTrue());
    }
}
