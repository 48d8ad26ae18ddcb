package io.vigil.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key sealing cluster traffic, derived with HKDF-SHA256 from the cluster key file and the cluster
 * name (so one key file used by two clusters still gives two keys), plus a public 8-byte key id used only to tell
 * "sealed with another key" from "tampered with" in diagnostics.
 */
public final class ClusterKey {
    /** Minimum key file length in bytes. */
    public static final int MIN_FILE_BYTES = 32;
    private static final byte[] SALT = "vigil cluster key v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final byte[] keyId;

    private ClusterKey(byte[] aesKey, byte[] keyId) {
        this.key = new SecretKeySpec(aesKey, "AES");
        this.keyId = keyId;
    }

    public static ClusterKey load(Path file, String clusterName) throws ConfigException {
        byte[] material;
        try {
            material = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cluster.keyFile: cannot read " + file + ": " + e);
        }
        if (material.length < MIN_FILE_BYTES) {
            throw new ConfigException("cluster.keyFile: " + file + " holds " + material.length
                    + " bytes, at least " + MIN_FILE_BYTES + " are needed (create it with `vigil keygen FILE`)");
        }
        return derive(material, clusterName);
    }

    /** Derives the sealing key from raw key material. */
    public static ClusterKey derive(byte[] material, String clusterName) {
        try {
            byte[] prk = hmac(SALT, material);
            byte[] aes = hmac(prk, concat(("seal:" + clusterName).getBytes(StandardCharsets.UTF_8), (byte) 1));
            byte[] id = Arrays.copyOf(hmac(aes, "key-id".getBytes(StandardCharsets.US_ASCII)), 8);
            return new ClusterKey(aes, id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    SecretKeySpec secretKey() {
        return key;
    }

    byte[] keyId() {
        return keyId.clone();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[] a, byte b) {
        byte[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
