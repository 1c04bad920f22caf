package com.soundhub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Rate limits count in windows of a whole minute of the database's clock. */
public final class RateWindows {

    private RateWindows() {
    }

    /** Waits, if the current window is past its half, until the next one starts: what a test does next falls in one window. */
    public static void awaitFresh() {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT extract(epoch FROM clock_timestamp())::numeric % 60");
             ResultSet row = query.executeQuery()) {
            row.next();
            double second = row.getDouble(1);
            if (second > 30) {
                Thread.sleep((long) ((60 - second) * 1000) + 200);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
