/** Members reporting recordings, comments and members; the reports wait for the back office. */
package com.soundhub.reports;
