package com.soundhub.platform.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RdsConfigSourceTest {

    @Test
    void elasticBeanstalkVariablesBecomeTheDatabaseSettings() {
        RdsConfigSource source = new RdsConfigSource(Map.of(
                "RDS_HOSTNAME", "soundhub.abc123.eu-west-1.rds.amazonaws.com",
                "RDS_PORT", "5432",
                "RDS_DB_NAME", "ebdb",
                "RDS_USERNAME", "soundhub",
                "RDS_PASSWORD", "s3cret"));

        assertThat(source.getValue("soundhub.db.url"))
                .isEqualTo("jdbc:postgresql://soundhub.abc123.eu-west-1.rds.amazonaws.com:5432/ebdb");
        assertThat(source.getValue("soundhub.db.user")).isEqualTo("soundhub");
        assertThat(source.getValue("soundhub.db.password")).isEqualTo("s3cret");
        assertThat(source.getOrdinal()).as("below environment variables (300)").isLessThan(300);
    }

    @Test
    void withoutRdsVariablesItProvidesNothing() {
        assertThat(new RdsConfigSource(Map.of("PATH", "/bin")).getPropertyNames()).isEmpty();
    }
}
