package com.soundhub.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditLog.csv("plain")).isEqualTo("plain");
        assertThat(AuditLog.csv("spam, again")).isEqualTo("\"spam, again\"");
        assertThat(AuditLog.csv("said \"hi\"")).isEqualTo("\"said \"\"hi\"\"\"");
        assertThat(AuditLog.csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditLog.csv(null)).isEmpty();
    }

    @Test
    void whatASpreadsheetWouldRunIsDefused() {
        assertThat(AuditLog.csv("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(AuditLog.csv("+1")).isEqualTo("'+1");
        assertThat(AuditLog.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
