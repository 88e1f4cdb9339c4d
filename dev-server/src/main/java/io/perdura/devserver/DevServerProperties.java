package io.perdura.devserver;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the dev server, under {@code perdura.dev-server}. */
@ConfigurationProperties("perdura.dev-server")
public class DevServerProperties {

    /** Directory of the embedded database file. */
    private String dataDir = DevServerArguments.DEFAULT_DATA_DIR;

    /** Whether the samples' workers run in the dev server's JVM. */
    private boolean samples;

    /** Number of partitions of each in-JVM topic: requests of different keys run this parallel. */
    private int partitions = 16;

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public boolean isSamples() {
        return samples;
    }

    public void setSamples(boolean samples) {
        this.samples = samples;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }
}
