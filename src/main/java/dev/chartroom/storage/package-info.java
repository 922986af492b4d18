/**
 * The blob store: where the bytes of every accepted file live, addressed by their content — files
 * under the data folder ({@link dev.chartroom.storage.FileSystemBlobStore}), or objects of an
 * S3-compatible bucket ({@link dev.chartroom.storage.S3BlobStore}) that every node of a cluster shares
 * ({@code chartroom.storage.*}, {@link dev.chartroom.storage.StorageProperties}).
 */
package dev.chartroom.storage;
