package com.soundhub.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link ObjectStorage} on the AWS SDK v2: S3 on AWS, S3Proxy locally. */
@ApplicationScoped
public class S3ObjectStorage implements ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStorage.class);
    private static final int DELETE_BATCH = 1000;

    private StorageSettings settings;
    private S3Client client;
    private S3Presigner presigner;
    private S3Presigner serverPresigner;
    private volatile String browserOrigin;

    @Inject
    StorageSettingsProducer settingsProducer;

    /** For CDI. */
    protected S3ObjectStorage() {
    }

    /** For use outside the container, such as tools and tests. */
    public S3ObjectStorage(StorageSettings settings) {
        this.settings = settings;
        connect();
    }

    @PostConstruct
    void init() {
        this.settings = settingsProducer.settings();
        connect();
    }

    private void connect() {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent() && settings.secretKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration s3Configuration = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.pathStyle())
                .build();
        var clientBuilder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        settings.endpoint().ifPresent(clientBuilder::endpointOverride);
        client = clientBuilder.build();

        var presignerBuilder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        settings.browserEndpoint().ifPresent(presignerBuilder::endpointOverride);
        presigner = presignerBuilder.build();
        var serverPresignerBuilder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        settings.endpoint().ifPresent(serverPresignerBuilder::endpointOverride);
        serverPresigner = serverPresignerBuilder.build();

        if (settings.createBucket()) {
            ensureBucket();
        }
    }

    private void ensureBucket() {
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            log.info("Creating bucket {}", settings.bucket());
            client.createBucket(b -> b.bucket(settings.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            log.info("Creating bucket {}", settings.bucket());
            client.createBucket(b -> b.bucket(settings.bucket()));
        }
    }

    @PreDestroy
    void close() {
        if (presigner != null) {
            presigner.close();
        }
        if (serverPresigner != null) {
            serverPresigner.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        client.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public void put(String key, Path file, String contentType) {
        client.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        client.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(contentType),
                RequestBody.fromInputStream(content, length));
    }

    @Override
    public InputStream open(String key) {
        try {
            return client.getObject(b -> b.bucket(settings.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new StoredObjectNotFoundException(key);
        }
    }

    @Override
    public byte[] readStart(String key, int length) {
        try {
            return client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key).range("bytes=0-" + (length - 1)))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new StoredObjectNotFoundException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return new byte[0];
            }
            throw e;
        }
    }

    @Override
    public URI presignForServer(String key, Duration validFor) {
        return toUri(serverPresigner.presignGetObject(p -> p
                .signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(settings.bucket()).key(key))).url());
    }

    @Override
    public Optional<StoredObject> describe(String key) {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(settings.bucket()).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), head.contentType(), head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public URI presignUpload(String key, String contentType, long contentLength, Duration validFor) {
        return toUri(presigner.presignPutObject(p -> p
                .signatureDuration(validFor)
                .putObjectRequest(r -> r.bucket(settings.bucket()).key(key)
                        .contentType(contentType)
                        .contentLength(contentLength))).url());
    }

    @Override
    public String startMultipartUpload(String key, String contentType) {
        return client.createMultipartUpload(b -> b.bucket(settings.bucket()).key(key).contentType(contentType)).uploadId();
    }

    @Override
    public URI presignUploadPart(String key, String uploadId, int partNumber, long length, Duration validFor) {
        return toUri(presigner.presignUploadPart(p -> p
                .signatureDuration(validFor)
                .uploadPartRequest(r -> r.bucket(settings.bucket()).key(key).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length))).url());
    }

    @Override
    public SortedMap<Integer, Long> uploadedParts(String key, String uploadId) {
        SortedMap<Integer, Long> parts = new TreeMap<>();
        try {
            client.listPartsPaginator(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId))
                    .parts().forEach(part -> parts.put(part.partNumber(), part.size()));
        } catch (NoSuchUploadException e) {
            return parts;
        }
        return parts;
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId) {
        List<CompletedPart> parts = new ArrayList<>();
        client.listPartsPaginator(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId))
                .parts().forEach(part -> parts.add(CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build()));
        parts.sort(Comparator.comparingInt(CompletedPart::partNumber));
        client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // already gone: what was asked for holds
        }
    }

    @Override
    public URI presignDownload(String key, Duration validFor) {
        return toUri(presigner.presignGetObject(p -> p
                .signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(settings.bucket()).key(key))).url());
    }

    @Override
    public URI presignDownload(String key, Duration validFor, String fileName) {
        String disposition = ContentDisposition.attachment(fileName);
        return toUri(presigner.presignGetObject(p -> p
                .signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(settings.bucket()).key(key)
                        .responseContentDisposition(disposition))).url());
    }

    @Override
    public void copy(String fromKey, String toKey) {
        try {
            client.copyObject(b -> b.sourceBucket(settings.bucket()).sourceKey(fromKey)
                    .destinationBucket(settings.bucket()).destinationKey(toKey));
        } catch (NoSuchKeyException e) {
            throw new StoredObjectNotFoundException(fromKey);
        }
    }

    @Override
    public void delete(String key) {
        client.deleteObject(b -> b.bucket(settings.bucket()).key(key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<ObjectIdentifier> batch = new ArrayList<>(Math.min(keys.size(), DELETE_BATCH));
        for (String key : keys) {
            batch.add(ObjectIdentifier.builder().key(key).build());
            if (batch.size() == DELETE_BATCH) {
                deleteBatch(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            deleteBatch(batch);
        }
    }

    private void deleteBatch(List<ObjectIdentifier> batch) {
        client.deleteObjects(b -> b.bucket(settings.bucket()).delete(Delete.builder().objects(batch).quiet(true).build()));
    }

    @Override
    public int deleteAllUnder(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("Refusing to delete the whole bucket");
        }
        List<String> keys = client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix))
                .contents().stream().map(S3Object::key).toList();
        deleteAll(keys);
        return keys.size();
    }

    @Override
    public void checkReachable() {
        client.headBucket(b -> b.bucket(settings.bucket()));
    }

    @Override
    public String browserOrigin() {
        String origin = browserOrigin;
        if (origin == null) {
            URI probe = presignDownload("origin-probe", Duration.ofMinutes(1));
            origin = probe.getScheme() + "://" + probe.getRawAuthority();
            browserOrigin = origin;
        }
        return origin;
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("S3 presigner returned an invalid URL", e);
        }
    }
}
