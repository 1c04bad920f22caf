/**
 * The object store: audio originals, HLS renditions, stems and images in an S3 bucket (S3Proxy on a
 * laptop and in tests). Everything else reaches S3 through {@link com.soundhub.storage.ObjectStorage}.
 */
package com.soundhub.storage;
