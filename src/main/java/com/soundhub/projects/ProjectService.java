package com.soundhub.projects;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.platform.rules.NotAllowed;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.projects.contents.ContentRepository;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.PublicIds;
import com.soundhub.recordings.Visibility;
import com.soundhub.taxonomy.TaxonomyService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

/**
 * Projects and their members. Every read and change goes through {@link #access}: a private
 * project does not exist for anyone but its members (404, not 403), and each change checks the
 * asker's role here, whatever the page showed them.
 */
@ApplicationScoped
@Transactional
public class ProjectService {

    static final int LIST_LIMIT = 60;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    ProjectRepository projects;

    @Inject
    AccountService accounts;

    @Inject
    MemberAdministration administration;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    Event<ProjectInvited> invitedEvents;

    @Inject
    Event<ProjectDeleted> deletedEvents;

    @Inject
    Event<RevisionPushed> pushedEvents;

    @Inject
    RevisionRepository revisions;

    @Inject
    ContentStore contents;

    private final Clock clock = Clock.systemUTC();

    /** A member of a project, for its member list. */
    public record MemberView(String nickname, ProjectRole role, java.time.Instant joinedAt) {
    }

    /** An invitation, for the invited member's list and the project's. */
    public record InvitationView(long id, String projectPublicId, String projectTitle, String nickname, String invitedBy,
                                 ProjectRole role, java.time.Instant at) {
    }

    /** A line of activity with its actor's nickname. */
    public record ActivityView(String actor, String summary, java.time.Instant at) {
    }

    /**
     * A project as lists show it: its genre's and wanted instruments' names, its member count, and
     * the viewer's role in it (null for a non-member or no viewer).
     */
    public record ProjectCard(Project project, String genre, List<String> lookingFor, long members, ProjectRole role) {
    }

    /** Cards for {@code list}, in its order; {@code viewer} only decides the role shown, not what is listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectCard> cards(List<Project> list, Optional<Long> viewer) {
        List<Long> ids = list.stream().map(Project::getId).toList();
        Map<Long, Long> counts = projects.memberCounts(ids);
        Map<Long, ProjectRole> roles = viewer.map(id -> projects.rolesIn(id, ids)).orElse(Map.of());
        // Read by query: the projects may come detached from an earlier call, their collection not loaded.
        Map<Long, List<Short>> wanted = projects.wantedInstruments(ids);
        Set<Short> genreIds = new LinkedHashSet<>();
        Set<Short> instrumentIds = new LinkedHashSet<>();
        list.forEach(project -> {
            if (project.getGenreId() != null) {
                genreIds.add(project.getGenreId());
            }
        });
        wanted.values().forEach(instrumentIds::addAll);
        Map<Short, String> genres = new java.util.HashMap<>();
        taxonomy.genres(genreIds).forEach(genre -> genres.put(genre.getId(), genre.getName()));
        Map<Short, String> instruments = new java.util.HashMap<>();
        taxonomy.instruments(instrumentIds).forEach(instrument -> instruments.put(instrument.getId(), instrument.getName()));
        return list.stream().map(project -> new ProjectCard(project,
                project.getGenreId() == null ? null : genres.get(project.getGenreId()),
                wanted.getOrDefault(project.getId(), List.of()).stream().map(instruments::get).filter(java.util.Objects::nonNull)
                        .sorted().toList(),
                counts.getOrDefault(project.getId(), 0L), roles.get(project.getId()))).toList();
    }

    /** The settings form of the project filled with what it holds now, for one of its owners. */
    public ProjectForm settingsForm(String publicId, long ownerId) {
        return ProjectForm.of(requireManager(publicId, ownerId).project());
    }

    public Project create(long memberId, ProjectDetails details) {
        emailConfirmations.requireConfirmed(memberId);
        checkChoices(details);
        Project project = new Project(PublicIds.next(), memberId, details, clock.instant());
        projects.add(project);
        projects.addMember(project.getId(), memberId, ProjectRole.OWNER);
        projects.record(project.getId(), memberId, "started the project");
        return project;
    }

    /**
     * Starts a project whose r1 holds contents stored already (a generated piece's stems and MIDI
     * file), each under its name as the path: a manifest is written, no bytes are copied.
     */
    public Project createWith(long memberId, ProjectDetails details, List<ContentRepository.Held> files, String message) {
        if (files.isEmpty()) {
            throw new RuleViolation(null, "There are no files to start the project with.");
        }
        files.stream().map(file -> ProjectPaths.problemWith(file.name())).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(problem -> {
                    throw new RuleViolation(null, problem);
                });
        Set<String> present = contents.presentLocked(files.stream().map(ContentRepository.Held::hash).toList());
        if (!files.stream().allMatch(file -> present.contains(file.hash()))) {
            throw new RuleViolation(null, "Some of the files are no longer stored.");
        }
        Project project = create(memberId, details);
        java.time.Instant now = clock.instant();
        List<ManifestEntry> entries = files.stream().map(file -> new ManifestEntry(file.name(), file.hash(), file.size(), 1, now)).toList();
        long total = entries.stream().mapToLong(ManifestEntry::size).sum();
        revisions.write(project.getId(), new RevisionInfo(1, 0, 0, memberId, message, now, entries.size(), 0, 0, entries.size(), total),
                entries, List.of(), List.of());
        projects.advanceHead(project.getId(), 1, now);
        projects.record(project.getId(), memberId, "pushed r1: " + message);
        pushedEvents.fire(new RevisionPushed(project.getId(), project.getPublicId(), 1, entries.stream()
                .filter(entry -> ContentStore.looksLikeAudio(entry.path())).map(ManifestEntry::hash).distinct().toList()));
        return projects.reload(project);
    }

    public Project update(String publicId, long memberId, ProjectDetails details) {
        ProjectAccess access = requireManager(publicId, memberId);
        checkChoices(details);
        Project project = access.project();
        if (project.isFork()) {
            ForkLicences.whyIncompatible(project.getForkedFromLicense(), details.license()).ifPresent(why -> {
                throw new RuleViolation("license", why);
            });
        }
        project.apply(details, clock.instant());
        projects.record(access.project().getId(), memberId, "changed the project's settings");
        return access.project();
    }

    /**
     * The project as {@code viewer} may see it.
     *
     * @throws NotFound when there is no such project, or it is private and the viewer is not a member
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectAccess access(String publicId, Optional<Long> viewer) {
        if (!PublicIds.looksValid(publicId)) {
            throw new NotFound();
        }
        Project project = projects.byPublicId(publicId).orElseThrow(NotFound::new);
        Optional<ProjectRole> role = viewer.flatMap(id -> projects.roleOf(project.getId(), id));
        // Admins see a hidden project (read-only, as any visitor would), to judge whether to show it again.
        if (project.getVisibility() == Visibility.PRIVATE && role.isEmpty()
                && !(project.isHidden() && viewer.isPresent() && administration.isAdmin(viewer.get()))) {
            throw new NotFound();
        }
        return new ProjectAccess(project, role);
    }

    /** As {@link #access}, for a member who must be allowed to push. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectAccess requirePusher(String publicId, long memberId) {
        ProjectAccess access = access(publicId, Optional.of(memberId));
        if (!access.mayPush()) {
            throw new NotAllowed(access.isMember() ? "Listeners cannot push revisions; ask an owner to make you a producer."
                    : "Only the project's producers and owners can push revisions.");
        }
        return access;
    }

    /**
     * As {@link #access}, for a member who proposes a take or joins the discussion of one: anyone
     * who can see the project may.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectAccess requireProposer(String publicId, long memberId) {
        return access(publicId, Optional.of(memberId));
    }

    /** As {@link #access}, for an owner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectAccess requireManager(String publicId, long memberId) {
        ProjectAccess access = access(publicId, Optional.of(memberId));
        if (!access.mayManage()) {
            throw new NotAllowed("Only the project's owners can do that.");
        }
        return access;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> projectsOf(long memberId) {
        return projects.projectsOf(memberId, LIST_LIMIT);
    }

    /** The projects shown on a member's profile: the public ones, and to a fellow member the ones they share. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> projectsOnProfile(long memberId, Optional<Long> viewer) {
        return projects.projectsOf(memberId, LIST_LIMIT).stream()
                .filter(project -> project.getVisibility() == Visibility.PUBLIC
                        || viewer.flatMap(id -> projects.roleOf(project.getId(), id)).isPresent())
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> publicProjects(Optional<Short> lookingFor) {
        return projects.publicProjects(lookingFor.orElse(null), LIST_LIMIT);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Project> search(String words, int limit) {
        return words == null || words.isBlank() ? List.of() : projects.search(words.strip(), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> members(Project project) {
        List<ProjectRepository.Membership> members = projects.members(project.getId());
        Map<Long, String> names = accounts.activeNicknames(members.stream().map(ProjectRepository.Membership::memberId).toList());
        return members.stream().filter(member -> names.containsKey(member.memberId()))
                .map(member -> new MemberView(names.get(member.memberId()), member.role(), member.joinedAt())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActivityView> activity(Project project, int limit) {
        List<ProjectRepository.Activity> lines = projects.activity(project.getId(), limit);
        Map<Long, String> names = accounts.activeNicknames(lines.stream().map(ProjectRepository.Activity::actorId).distinct().toList());
        return lines.stream().map(line -> new ActivityView(names.getOrDefault(line.actorId(), "a former member"),
                line.summary(), line.at())).toList();
    }

    public void invite(String publicId, long ownerId, String nickname, ProjectRole role) {
        Project project = requireManager(publicId, ownerId).project();
        Member invited = accounts.profile(nickname == null ? "" : nickname.strip())
                .filter(Member::isActive)
                .orElseThrow(() -> new RuleViolation("nickname", "There is no member called " + nickname + "."));
        if (projects.roleOf(project.getId(), invited.getId()).isPresent()) {
            throw new RuleViolation("nickname", invited.getNickname() + " is already a member of this project.");
        }
        if (projects.invitation(project.getId(), invited.getId()).isPresent()) {
            throw new RuleViolation("nickname", invited.getNickname() + " has already been invited.");
        }
        projects.invite(project.getId(), invited.getId(), role, ownerId);
        projects.record(project.getId(), ownerId, "invited " + invited.getNickname() + " as " + role.getLabel().toLowerCase());
        invitedEvents.fire(new ProjectInvited(project.getId(), project.getPublicId(), project.getTitle(), invited.getId(), ownerId, role));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> invitationsFor(long memberId) {
        return views(projects.invitationsFor(memberId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> invitationsTo(Project project) {
        return views(projects.invitationsTo(project.getId()));
    }

    private List<InvitationView> views(List<ProjectRepository.Invitation> invitations) {
        Set<Long> people = new LinkedHashSet<>();
        invitations.forEach(invitation -> {
            people.add(invitation.memberId());
            people.add(invitation.invitedBy());
        });
        Map<Long, String> names = accounts.activeNicknames(people);
        Map<Long, Project> invitedTo = projects.byIds(invitations.stream().map(ProjectRepository.Invitation::projectId)
                .collect(Collectors.toSet()));
        List<InvitationView> views = new ArrayList<>();
        for (ProjectRepository.Invitation invitation : invitations) {
            Project project = invitedTo.get(invitation.projectId());
            views.add(new InvitationView(invitation.id(), project.getPublicId(), project.getTitle(),
                    names.getOrDefault(invitation.memberId(), "?"), names.getOrDefault(invitation.invitedBy(), "a former member"),
                    invitation.role(), invitation.createdAt()));
        }
        return views;
    }

    /** Accepts or declines the member's own invitation; returns the project's public id. */
    public String answer(long invitationId, long memberId, boolean accept) {
        ProjectRepository.Invitation invitation = projects.invitation(invitationId)
                .filter(found -> found.memberId() == memberId)
                .orElseThrow(NotFound::new);
        projects.deleteInvitation(invitationId);
        Project project = projects.byId(invitation.projectId()).orElseThrow(NotFound::new);
        if (accept) {
            projects.addMember(project.getId(), memberId, invitation.role());
            projects.record(project.getId(), memberId, "joined as " + invitation.role().getLabel().toLowerCase());
        } else {
            projects.record(project.getId(), memberId, "declined the invitation");
        }
        return project.getPublicId();
    }

    /** An owner withdraws an invitation not yet answered. */
    public void withdraw(String publicId, long ownerId, long invitationId) {
        Project project = requireManager(publicId, ownerId).project();
        projects.invitation(invitationId).filter(found -> found.projectId() == project.getId()).orElseThrow(NotFound::new);
        projects.deleteInvitation(invitationId);
    }

    public void leave(String publicId, long memberId) {
        ProjectAccess access = access(publicId, Optional.of(memberId));
        Project project = projects.lock(access.project().getId());
        ProjectRole role = access.role().orElseThrow(NotFound::new);
        if (role == ProjectRole.OWNER && projects.ownerCount(project.getId()) == 1) {
            throw new RuleViolation(null, "You are the project's last owner: make someone else an owner first, or delete the project.");
        }
        projects.removeMember(project.getId(), memberId);
        projects.record(project.getId(), memberId, "left the project");
    }

    public void changeRole(String publicId, long ownerId, String nickname, ProjectRole role) {
        Project project = projects.lock(requireManager(publicId, ownerId).project().getId());
        long memberId = memberOf(project, nickname);
        ProjectRole now = projects.roleOf(project.getId(), memberId).orElseThrow();
        if (now == ProjectRole.OWNER && role != ProjectRole.OWNER && projects.ownerCount(project.getId()) == 1) {
            throw new RuleViolation("role", nickname + " is the project's last owner: make someone else an owner first.");
        }
        projects.changeRole(project.getId(), memberId, role);
        projects.record(project.getId(), ownerId, "made " + nickname + " " + role.getLabel().toLowerCase());
    }

    public void remove(String publicId, long ownerId, String nickname) {
        Project project = projects.lock(requireManager(publicId, ownerId).project().getId());
        long memberId = memberOf(project, nickname);
        if (projects.roleOf(project.getId(), memberId).orElseThrow() == ProjectRole.OWNER && projects.ownerCount(project.getId()) == 1) {
            throw new RuleViolation(null, nickname + " is the project's last owner and cannot be removed.");
        }
        projects.removeMember(project.getId(), memberId);
        projects.record(project.getId(), ownerId, "removed " + nickname);
    }

    /** Makes another member the owner; the one handing over stays on as a producer. */
    public void transferOwnership(String publicId, long ownerId, String nickname) {
        Project project = projects.lock(requireManager(publicId, ownerId).project().getId());
        long memberId = memberOf(project, nickname);
        if (memberId == ownerId) {
            throw new RuleViolation("nickname", "You already own this project.");
        }
        projects.changeRole(project.getId(), memberId, ProjectRole.OWNER);
        projects.changeRole(project.getId(), ownerId, ProjectRole.PRODUCER);
        projects.record(project.getId(), ownerId, "handed the project over to " + nickname);
    }

    /** Records the project's new cover picture; returns the key of the one it replaces. */
    public Optional<String> useCover(String publicId, long ownerId, String key) {
        Project project = projects.lock(requireManager(publicId, ownerId).project().getId());
        Optional<String> replaced = Optional.ofNullable(project.getCoverKey());
        project.useCover(key, clock.instant());
        projects.record(project.getId(), ownerId, "changed the cover picture");
        return replaced;
    }

    /**
     * Deletes the project, its revisions, and the contents no other project holds. The owner
     * confirms by typing the project's title.
     */
    public void delete(String publicId, long ownerId, String confirmation) {
        Project project = projects.lock(requireManager(publicId, ownerId).project().getId());
        if (confirmation == null || !confirmation.strip().equals(project.getTitle())) {
            throw new RuleViolation("confirmation", "Type the project's title, " + project.getTitle() + ", to delete it.");
        }
        remove(project);
    }

    /** A project as the back office lists it. */
    public record AdministeredProject(long id, String publicId, String title, String startedBy, Visibility visibility, int head,
                                      Instant createdAt, String hiddenReason) {
    }

    /** Projects for the back office, whatever their visibility: title search, newest first, keyset pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdministeredProject> administered(long adminId, String words, long beforeId, int limit) {
        administration.requireAdmin(adminId);
        List<Project> found = projects.administered(words == null ? "" : words.strip(), beforeId, limit);
        Map<Long, String> names = accounts.activeNicknames(found.stream().map(Project::getCreatedBy).distinct().toList());
        return found.stream().map(project -> new AdministeredProject(project.getId(), project.getPublicId(), project.getTitle(),
                names.getOrDefault(project.getCreatedBy(), "a former member"), project.getVisibility(), project.getHead(),
                project.getCreatedAt(), project.getHiddenReason())).toList();
    }

    /** What the dashboard shows of projects: how many, and the files kept for them (each content once). */
    public record ProjectFigures(long projects, long hidden, long contents, long contentBytes) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectFigures figures(long adminId) {
        administration.requireAdmin(adminId);
        long[] kept = contents.totals();
        Object[] counted = projects.counts();
        return new ProjectFigures(((Number) counted[0]).longValue(), ((Number) counted[1]).longValue(), kept[0], kept[1]);
    }

    /** Hides projects for an admin: private to their members, who see why; returns their titles for the audit log. */
    public String hideForAdmin(long adminId, String publicId, String reason) {
        administration.requireAdmin(adminId);
        Project project = projects.lock(projects.byPublicId(publicId).orElseThrow(NotFound::new).getId());
        project.hide(reason, clock.instant());
        return project.getTitle();
    }

    /** Shows a hidden project again, with the visibility its owners chose. */
    public String unhideForAdmin(long adminId, String publicId) {
        administration.requireAdmin(adminId);
        Project project = projects.lock(projects.byPublicId(publicId).orElseThrow(NotFound::new).getId());
        project.unhide(clock.instant());
        return project.getTitle();
    }

    /** Deletes a project for an admin, as its owner can; returns its title for the audit log. */
    public String deleteForAdmin(long adminId, String publicId) {
        administration.requireAdmin(adminId);
        Project project = projects.lock(projects.byPublicId(publicId).orElseThrow(NotFound::new).getId());
        remove(project);
        return project.getTitle();
    }

    /**
     * A deleted member leaves every project. One they were alone in is deleted when their content
     * is removed, otherwise kept for admins to decide; in a shared one, their revisions stay in the
     * history (credited to a former member) and, if they were its last owner, the longest-standing
     * producer (or else member) becomes the owner. Runs before their recordings are deleted, as a
     * project's published masters are among them.
     */
    void onMemberDeleted(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) MemberDeleted deletion) {
        long leaving = deletion.memberId();
        projects.invitationsFor(leaving).forEach(invitation -> projects.deleteInvitation(invitation.id()));
        for (Project found : projects.projectsOf(leaving, Integer.MAX_VALUE)) {
            Project project = projects.lock(found.getId());
            List<ProjectRepository.Membership> others = projects.members(project.getId()).stream()
                    .filter(membership -> membership.memberId() != leaving).toList();
            if (others.isEmpty() && deletion.contentRemoved()) {
                remove(project);
                continue;
            }
            projects.removeMember(project.getId(), leaving);
            if (!others.isEmpty() && projects.ownerCount(project.getId()) == 0) {
                long heir = others.get(0).memberId();
                projects.changeRole(project.getId(), heir, ProjectRole.OWNER);
                projects.record(project.getId(), heir, "became the owner as the last owner's account was deleted");
            }
        }
    }

    private void remove(Project project) {
        List<String> held = revisions.contentsOf(project.getId());
        projects.delete(project);
        contents.deleteIfUnreferenced(held);
        deletedEvents.fire(new ProjectDeleted(project.getId(), project.getPublicId()));
    }

    private long memberOf(Project project, String nickname) {
        Member member = accounts.profile(nickname == null ? "" : nickname.strip()).orElseThrow(NotFound::new);
        if (projects.roleOf(project.getId(), member.getId()).isEmpty()) {
            throw new NotFound();
        }
        return member.getId();
    }

    private void checkChoices(ProjectDetails details) {
        if (details.genreId() != null && taxonomy.genres(List.of(details.genreId())).isEmpty()) {
            throw new RuleViolation("genre", "Choose a genre from the list.");
        }
        if (taxonomy.instruments(details.wantedInstruments()).size() != details.wantedInstruments().size()) {
            throw new RuleViolation("instrument", "Choose instruments from the list.");
        }
    }
}
