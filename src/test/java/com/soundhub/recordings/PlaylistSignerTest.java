package com.soundhub.recordings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistSignerTest {

    static final String STORED = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:6
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-MAP:URI="init.mp4"
            #EXTINF:6.0,
            segment_00000.m4s
            #EXTINF:2.5,
            segment_00001.m4s
            #EXT-X-ENDLIST
            """;

    @Test
    void everySegmentAndTheInitSegmentGetSignedUrls() {
        String signed = PlaylistSigner.sign(STORED, name -> "https://s3.example/" + name + "?sig=abc");

        assertThat(signed).contains("#EXT-X-MAP:URI=\"https://s3.example/init.mp4?sig=abc\"")
                .contains("\nhttps://s3.example/segment_00000.m4s?sig=abc\n")
                .contains("\nhttps://s3.example/segment_00001.m4s?sig=abc\n")
                .contains("#EXTINF:2.5,").contains("#EXT-X-ENDLIST")
                .doesNotContain("\nsegment_");
    }
}
