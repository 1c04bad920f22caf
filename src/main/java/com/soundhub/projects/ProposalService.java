package com.soundhub.projects;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.platform.rules.NotAllowed;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.contents.ContentHash;
import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Proposals: takes offered to a project by members who can see it. The take's files travel as a
 * push does ({@link PushService#startProposal}); proposing records them for the project's
 * producers, who accept (a revision authored by the proposer, replayed onto the head like any
 * push) or decline with a note; the proposer may withdraw. Everyone who can see the project can
 * read and discuss its proposals.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    /** The most files one proposal holds. */
    static final int MAX_FILES = 32;
    static final int MAX_NOTE = 2000;
    static final int LIST_LIMIT = 100;
    // An open proposal keeps its push, and so its contents, until it is decided.
    private static final Duration KEPT_WHILE_OPEN = Duration.ofDays(365L * 100);
    private static final Duration DOWNLOAD_LINK_LIFETIME = Duration.ofMinutes(10);

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    ProjectService projectService;

    @Inject
    ProjectRepository projects;

    @Inject
    ProposalRepository proposals;

    @Inject
    PushRepository pushRows;

    @Inject
    PushService pushes;

    @Inject
    ContentStore contents;

    @Inject
    AccountService accounts;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    Event<ProjectProposed> proposedEvents;

    @Inject
    Event<ProposalDecided> decidedEvents;

    private final Clock clock = Clock.systemUTC();

    /** A proposal as its pages show it: who proposed it, for which instrument, who decided. */
    public record ProposalView(ProposalRepository.Proposal proposal, String proposer, String instrument, String decidedBy) {

        public int number() {
            return proposal.number();
        }

        public ProposalState state() {
            return proposal.state();
        }

        public boolean isOpen() {
            return proposal.state() == ProposalState.OPEN;
        }
    }

    /** A comment with its author's nickname. */
    public record CommentView(String author, String body, Integer atMs, Instant at) {
    }

    /** A proposal with its files (and what is known of their audio) and its discussion. */
    public record ProposalDetails(ProposalView view, List<ProjectFile> files, List<CommentView> comments) {
    }

    /**
     * Records the proposal whose take was sent in {@code pushId}: every file checked, then the
     * project's members are told.
     */
    public ProposalView propose(String publicId, long memberId, UUID pushId, Short instrumentId, String note) {
        Project project = projectService.requireProposer(publicId, memberId).project();
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new RuleViolation("note", "A note can be at most 2,000 characters long.");
        }
        if (instrumentId != null && taxonomy.instruments(Set.of(instrumentId)).isEmpty()) {
            throw new RuleViolation("instrument", "Choose an instrument from the list.");
        }
        projects.lockHead(project.getId());
        PushRepository.Push push = pushRows.lock(pushId).filter(found -> found.projectId() == project.getId())
                .orElseThrow(NotFound::new);
        if (!push.proposal() || push.authorId() != memberId) {
            throw new NotFound();
        }
        if (push.committedAs() != null || proposals.forPush(pushId).isPresent()) {
            throw new RuleViolation(null, "This take has already been proposed.");
        }
        pushes.requireSent(pushId);
        List<ProposalRepository.File> files = new ArrayList<>();
        pushRows.changes(pushId).stream().filter(change -> change.hash() != null)
                .forEach(change -> files.add(new ProposalRepository.File(change.path(), change.hash(), change.size())));
        if (files.isEmpty()) {
            throw new RuleViolation(null, "The project already holds these very files: there is nothing to propose.");
        }
        Instant now = clock.instant();
        ProposalRepository.Proposal proposal = proposals.add(project.getId(), pushId, memberId, push.base(), instrumentId, text,
                files, now);
        pushRows.expires(pushId, now.plus(KEPT_WHILE_OPEN));
        projects.record(project.getId(), memberId, "proposed #" + proposal.number() + summary(text, files));
        proposedEvents.fire(new ProjectProposed(project.getId(), project.getPublicId(), project.getTitle(), proposal.number(),
                memberId, projects.members(project.getId()).stream().map(ProjectRepository.Membership::memberId).toList()));
        return views(List.of(proposal)).get(0);
    }

    /**
     * Accepts an open proposal: a new revision adding or replacing its files, authored by the
     * proposer, replayed onto the newest revision when the project moved since the take was made.
     */
    public PushService.Committed accept(String publicId, long memberId, int number, String message) {
        Project project = requireDecider(publicId, memberId);
        ProposalRepository.Proposal proposal = open(project, number);
        String proposer = accounts.activeNicknames(List.of(proposal.proposerId())).getOrDefault(proposal.proposerId(), "a former member");
        String text = message == null || message.isBlank()
                ? "Proposal #" + number + " by " + proposer + (proposal.note().isEmpty() ? "" : ": " + proposal.note())
                : message.strip();
        if (text.length() > 500) {
            text = text.substring(0, 499) + "\u2026";
        }
        if (proposal.pushId() == null) {
            throw new RuleViolation(null, "This proposal's files are no longer kept.");
        }
        PushService.Committed committed = pushes.commitProposal(proposal.pushId(), text);
        Instant now = clock.instant();
        proposals.decide(proposal.id(), ProposalState.ACCEPTED, memberId, null, committed.revision(), now);
        projects.record(project.getId(), memberId, "accepted " + proposer + "'s proposal #" + number + " as r" + committed.revision());
        decidedEvents.fire(new ProposalDecided(project.getId(), project.getPublicId(), project.getTitle(), number, proposal.proposerId(),
                memberId, ProposalState.ACCEPTED, committed.revision()));
        return committed;
    }

    /** Declines an open proposal, with a note for the proposer; its files are let go. */
    public void decline(String publicId, long memberId, int number, String note) {
        Project project = requireDecider(publicId, memberId);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new RuleViolation("note", "A note can be at most 2,000 characters long.");
        }
        ProposalRepository.Proposal proposal = open(project, number);
        close(proposal, ProposalState.DECLINED, memberId, text.isEmpty() ? null : text);
        projects.record(project.getId(), memberId, "declined proposal #" + number);
        decidedEvents.fire(new ProposalDecided(project.getId(), project.getPublicId(), project.getTitle(), number, proposal.proposerId(),
                memberId, ProposalState.DECLINED, null));
    }

    /** The proposer takes their open proposal back. */
    public void withdraw(String publicId, long memberId, int number) {
        Project project = projectService.requireProposer(publicId, memberId).project();
        ProposalRepository.Proposal proposal = open(project, number);
        if (proposal.proposerId() != memberId) {
            throw new NotAllowed("Only the member who proposed it can withdraw a proposal.");
        }
        close(proposal, ProposalState.WITHDRAWN, memberId, null);
        projects.record(project.getId(), memberId, "withdrew proposal #" + number);
    }

    /** Adds a comment to the discussion of a proposal, at a moment of the take when {@code atMs} is given. */
    public void comment(String publicId, long memberId, int number, String body, Integer atMs) {
        emailConfirmations.requireConfirmed(memberId);
        Project project = projectService.requireProposer(publicId, memberId).project();
        ProposalRepository.Proposal proposal = proposals.find(project.getId(), number).orElseThrow(NotFound::new);
        String text = CommentRules.body(body);
        CommentRules.moment(atMs);
        proposals.comment(proposal.id(), memberId, text, atMs, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalView> list(Project project, boolean openOnly) {
        return views(proposals.ofProject(project.getId(), openOnly, LIST_LIMIT));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount(Project project) {
        return proposals.openCount(project.getId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalDetails details(Project project, int number) {
        ProposalRepository.Proposal proposal = proposals.find(project.getId(), number).orElseThrow(NotFound::new);
        List<ProposalRepository.File> files = proposals.files(proposal.id());
        Map<String, ContentInfo> info = contents.describe(files.stream().map(ProposalRepository.File::hash).distinct().toList());
        List<ProjectFile> shown = files.stream().map(file -> ProjectFile.of(new ManifestEntry(file.path(), file.hash(), file.size(),
                0, proposal.createdAt()), info.get(file.hash()))).toList();
        List<ProposalRepository.Comment> comments = proposals.comments(proposal.id());
        Map<Long, String> names = accounts.activeNicknames(comments.stream().map(ProposalRepository.Comment::authorId).distinct().toList());
        return new ProposalDetails(views(List.of(proposal)).get(0), shown, comments.stream()
                .map(comment -> new CommentView(names.getOrDefault(comment.authorId(), "a former member"), comment.body(),
                        comment.atMs(), comment.createdAt())).toList());
    }

    /** A short-lived link to one file of a proposal whose files are still kept. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public URI downloadUrl(Project project, int number, String hash) {
        ProposalRepository.Proposal proposal = proposals.find(project.getId(), number).orElseThrow(NotFound::new);
        if (!ContentHash.looksValid(hash) || proposal.state() == ProposalState.DECLINED || proposal.state() == ProposalState.WITHDRAWN) {
            throw new NotFound();
        }
        ProposalRepository.File file = proposals.files(proposal.id()).stream().filter(each -> each.hash().equals(hash)).findFirst()
                .orElseThrow(NotFound::new);
        return contents.downloadUrl(hash, file.path().substring(file.path().lastIndexOf('/') + 1), DOWNLOAD_LINK_LIFETIME);
    }

    private Project requireDecider(String publicId, long memberId) {
        ProjectAccess access = projectService.access(publicId, Optional.of(memberId));
        if (!access.mayPush()) {
            throw new NotAllowed(access.isMember() ? "Listeners cannot accept or decline proposals; ask an owner to make you a producer."
                    : "Only the project's producers and owners can accept or decline proposals.");
        }
        return access.project();
    }

    private ProposalRepository.Proposal open(Project project, int number) {
        ProposalRepository.Proposal proposal = proposals.lock(project.getId(), number).orElseThrow(NotFound::new);
        if (proposal.state() != ProposalState.OPEN) {
            throw new RuleViolation(null, "Proposal #" + number + " is already " + proposal.state().getLabel().toLowerCase()
                    + (proposal.revision() == null ? "." : " as r" + proposal.revision() + "."));
        }
        return proposal;
    }

    private void close(ProposalRepository.Proposal proposal, ProposalState state, long memberId, String note) {
        Instant now = clock.instant();
        proposals.decide(proposal.id(), state, memberId, note, null, now);
        if (proposal.pushId() != null) {
            // Its push expires now: housekeeping clears it away, and its contents after their grace period.
            pushRows.expires(proposal.pushId(), now);
        }
    }

    private List<ProposalView> views(List<ProposalRepository.Proposal> list) {
        Set<Long> people = new HashSet<>();
        Set<Short> instrumentIds = new HashSet<>();
        list.forEach(proposal -> {
            people.add(proposal.proposerId());
            if (proposal.decidedBy() != null) {
                people.add(proposal.decidedBy());
            }
            if (proposal.instrumentId() != null) {
                instrumentIds.add(proposal.instrumentId());
            }
        });
        Map<Long, String> names = accounts.activeNicknames(people);
        Map<Short, String> instruments = new java.util.HashMap<>();
        taxonomy.instruments(instrumentIds).forEach(instrument -> instruments.put(instrument.getId(), instrument.getName()));
        return list.stream().map(proposal -> new ProposalView(proposal, names.getOrDefault(proposal.proposerId(), "a former member"),
                proposal.instrumentId() == null ? null : instruments.get(proposal.instrumentId()),
                proposal.decidedBy() == null ? null : names.getOrDefault(proposal.decidedBy(), "a former member"))).toList();
    }

    private static String summary(String note, List<ProposalRepository.File> files) {
        String what = files.size() == 1 ? files.get(0).path() : files.size() + " files";
        String text = ": " + what + (note.isEmpty() ? "" : " \u2014 " + note);
        return text.length() > 200 ? text.substring(0, 199) + "\u2026" : text;
    }
}
