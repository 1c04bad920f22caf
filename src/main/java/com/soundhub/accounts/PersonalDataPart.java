package com.soundhub.accounts;

import java.io.IOException;

/**
 * One feature's share of a member's data download ({@link PersonalDataExport}): each feature
 * that keeps something of a member's implements it as a bean and writes what it keeps, so that
 * accounts needs to know none of them.
 */
public interface PersonalDataPart {

    /** Where this part goes in the zip: parts are written in this order. */
    int position();

    /** Writes the member's data kept by this feature. */
    void write(long memberId, PersonalDataZip zip) throws IOException;
}
