package com.soundhub.admin;

import java.util.List;
import java.util.Map;

import com.soundhub.accounts.MemberAdministration;
import com.soundhub.generator.GeneratorService;
import com.soundhub.projects.ProjectService;
import com.soundhub.recordings.RecordingService;
import com.soundhub.platform.metrics.DatabaseGauges;
import com.soundhub.plays.PlayCounter;
import com.soundhub.reports.ReportService;
import com.soundhub.uploads.UploadService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The figures of the dashboard, each asked of the feature that owns them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminDashboard {

    static final int DAYS = 30;

    @Inject
    MemberAdministration members;

    @Inject
    ReportService reports;

    @Inject
    UploadService uploads;

    @Inject
    PlayCounter plays;

    @Inject
    GeneratorService generator;

    @Inject
    DatabaseGauges gauges;

    @Inject
    RecordingService recordings;

    @Inject
    ProjectService projects;

    /** The figures and charts the dashboard shows. */
    public record Figures(MemberAdministration.MemberCounts members, List<RecordingService.OriginFigures> recordings,
                          ProjectService.ProjectFigures projects, long openReports, Map<String, Long> uploadsByState,
                          long jobsDue, long jobsRunning, double oldestDueSeconds, long jobsDead, List<BarChart> charts) {

        public long recordingCount() {
            return recordings.stream().mapToLong(RecordingService.OriginFigures::recordings).sum();
        }
    }

    public Figures figures(long adminId) {
        MemberAdministration.MemberCounts counts = members.counts(adminId);
        return new Figures(counts, recordings.figures(adminId), projects.figures(adminId), reports.openCount(), uploads.countsByState(),
                whole(gauges.value("soundhub.jobs.due")), whole(gauges.value("soundhub.jobs.running")),
                orZero(gauges.value("soundhub.jobs.oldest.due")), whole(gauges.value("soundhub.jobs.failing")),
                List.of(BarChart.of("Sign-ups", members.signUpsPerDay(adminId, DAYS)),
                        BarChart.of("Uploads", uploads.startedPerDay(DAYS)),
                        BarChart.of("Plays", plays.playsPerDay(DAYS)),
                        BarChart.of("Generated pieces", generator.requestedPerDay(DAYS))));
    }

    private static long whole(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value);
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
