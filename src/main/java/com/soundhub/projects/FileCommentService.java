package com.soundhub.projects;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Comments on a project's files, at a moment of the audio when one is given. Whoever may see the
 * project and is signed in may comment, as on proposals: a stranger's "the snare is late at 1:05"
 * on a public project is the kind of help co-production wants.
 */
@ApplicationScoped
@Transactional
public class FileCommentService {

    /** The most comments a file's page shows: the newest ones. */
    static final int PAGE = 200;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    ProjectService projectService;

    @Inject
    ProjectRepository projects;

    @Inject
    RevisionRepository revisions;

    @Inject
    FileCommentRepository comments;

    @Inject
    AccountService accounts;

    private final Clock clock = Clock.systemUTC();

    /** A comment as the page shows it; {@code onThisTake} when the file still holds the content it was made on. */
    public record FileCommentView(String author, String body, Integer atMs, int revision, boolean onThisTake, Instant at) {
    }

    /**
     * Comments on the file {@code path} as the newest revision holds it.
     *
     * @throws RuleViolation when the newest revision holds no such file
     */
    public void comment(String publicId, long memberId, String path, String body, Integer atMs) {
        emailConfirmations.requireConfirmed(memberId);
        Project project = projectService.requireProposer(publicId, memberId).project();
        String text = CommentRules.body(body);
        CommentRules.moment(atMs);
        ManifestEntry file = revisions.entry(project.getId(), project.getHead(), path == null ? "" : path)
                .orElseThrow(() -> new RuleViolation(null, "The newest revision holds no file " + path + " to comment on."));
        comments.add(project.getId(), file.path(), project.getHead(), file.hash(), memberId, text, atMs, clock.instant());
        projects.record(project.getId(), memberId, "commented on " + file.path()
                + (atMs == null ? "" : " at " + clock(atMs)));
    }

    /** The comments on {@code path}, oldest first, marked by whether they were made on {@code current}'s content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FileCommentView> comments(Project project, String path, Optional<String> currentHash) {
        List<FileCommentRepository.FileComment> found = comments.of(project.getId(), path, PAGE);
        Map<Long, String> names = accounts.activeNicknames(found.stream().map(FileCommentRepository.FileComment::authorId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return found.stream().map(comment -> new FileCommentView(
                comment.authorId() == null ? "a former member" : names.getOrDefault(comment.authorId(), "a former member"),
                comment.body(), comment.atMs(), comment.revision(), currentHash.map(comment.contentHash()::equals).orElse(false),
                comment.createdAt())).toList();
    }

    private static String clock(int ms) {
        int seconds = ms / 1000;
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }
}
