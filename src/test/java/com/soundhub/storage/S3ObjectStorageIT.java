package com.soundhub.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.soundhub.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage service against a real S3 API (S3Proxy), including what browsers do with presigned URLs. */
@ExtendWith(TestInfrastructure.class)
class S3ObjectStorageIT {

    static S3ObjectStorage storage;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void connect() {
        storage = TestInfrastructure.storage();
    }

    private static String key(String name) {
        return "tests/" + UUID.randomUUID() + "/" + name;
    }

    @Test
    void putDescribeReadAndDelete() throws Exception {
        String key = key("hello.txt");
        byte[] content = "안녕하세요, SoundHub".getBytes(StandardCharsets.UTF_8);

        storage.put(key, content, "text/plain; charset=utf-8");

        StoredObject described = storage.describe(key).orElseThrow();
        assertThat(described.size()).isEqualTo(content.length);
        assertThat(described.contentType()).startsWith("text/plain");
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage.delete(key);
        assertThat(storage.describe(key)).isEmpty();
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(StoredObjectNotFoundException.class);
    }

    @Test
    void streamsAndFilesGoInWhole(@TempDir Path temp) throws Exception {
        byte[] megabytes = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(megabytes);
        Path file = Files.write(temp.resolve("audio.bin"), megabytes);
        String fromFile = key("from-file");
        String fromStream = key("from-stream");

        storage.put(fromFile, file, "application/octet-stream");
        storage.put(fromStream, new ByteArrayInputStream(megabytes), megabytes.length, "application/octet-stream");

        try (InputStream a = storage.open(fromFile); InputStream b = storage.open(fromStream)) {
            assertThat(a.readAllBytes()).isEqualTo(megabytes);
            assertThat(b.readAllBytes()).isEqualTo(megabytes);
        }
    }

    @Test
    void aBrowserUploadsAndDownloadsWithPresignedUrls() throws Exception {
        String key = key("upload.wav");
        byte[] body = "RIFF....WAVEfmt fake audio for the test".getBytes(StandardCharsets.US_ASCII);

        URI upload = storage.presignUpload(key, "audio/wav", body.length, Duration.ofMinutes(5));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(upload)
                .header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        URI download = storage.presignDownload(key, Duration.ofMinutes(5), "my song.wav");
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(body);
        assertThat(get.headers().firstValue("Content-Disposition").orElse("")).contains("my song.wav");
    }

    @Test
    void aPresignedUploadOfAnotherTypeIsRefused() throws Exception {
        String key = key("typed");
        byte[] body = "not what was declared".getBytes(StandardCharsets.US_ASCII);
        URI upload = storage.presignUpload(key, "audio/wav", body.length, Duration.ofMinutes(5));

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(upload)
                .header("Content-Type", "text/html")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(storage.describe(key)).isEmpty();
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        String key = key("private");
        storage.put(key, new byte[]{1, 2, 3}, "application/octet-stream");
        URI plain = URI.create(TestInfrastructure.s3Endpoint() + "/" + TestInfrastructure.BUCKET + "/" + key);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(403);
    }

    @Test
    void deletesEverythingUnderAPrefixAndNothingElse() {
        String prefix = "tests/" + UUID.randomUUID() + "/";
        for (String name : List.of("a", "b", "nested/c")) {
            storage.put(prefix + name, new byte[]{1}, "application/octet-stream");
        }
        String neighbour = prefix.substring(0, prefix.length() - 1) + "-neighbour";
        storage.put(neighbour, new byte[]{1}, "application/octet-stream");

        assertThat(storage.deleteAllUnder(prefix)).isEqualTo(3);
        assertThat(storage.describe(prefix + "nested/c")).isEmpty();
        assertThat(storage.describe(neighbour)).isPresent();
        assertThatThrownBy(() -> storage.deleteAllUnder("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void browserOriginIsTheEndpointBrowsersTalkTo() {
        assertThat(storage.browserOrigin()).isEqualTo(TestInfrastructure.s3Endpoint().toString());
        storage.checkReachable();
    }
}
