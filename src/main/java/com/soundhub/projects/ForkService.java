package com.soundhub.projects;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.License;
import com.soundhub.recordings.PublicIds;
import com.soundhub.recordings.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Forks and lineage. A fork is a new project owned by the forker whose r1 holds a revision of the
 * source, the same contents by hash: nothing is copied in storage, and deleting the source later
 * keeps what the fork holds. Only public and unlisted projects whose licence allows derivative
 * works can be forked, and the fork's licence keeps the source's terms ({@link ForkLicences}).
 */
@ApplicationScoped
@Transactional
public class ForkService {

    /** The most projects a lineage page shows. */
    static final int TREE_LIMIT = 500;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    ProjectService projectService;

    @Inject
    ProjectRepository projects;

    @Inject
    RevisionRepository revisions;

    @Inject
    MasterRepository masters;

    private final Clock clock = Clock.systemUTC();

    /** Where a fork came from, as one viewer may see it: the source, or null when it is gone or hidden from them. */
    public record Origin(Project source, int revision) {
    }

    /** One project of a lineage tree, at its depth; {@code viaHidden} when its source is not shown to the viewer. */
    public record LineageNode(Project project, int depth, boolean viaHidden, boolean current, List<MasterRepository.Master> published) {

        /** How far the page indents it: deeper forks than this line up at the deepest indent. */
        public int indent() {
            return Math.min(depth, 6);
        }
    }

    /** Why {@code source} cannot be forked by anyone now, or empty when it can. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> whyNotForkable(Project source) {
        if (source.getVisibility() == Visibility.PRIVATE) {
            return Optional.of("Private projects cannot be forked.");
        }
        if (source.getHead() == 0) {
            return Optional.of("There is nothing to fork yet: no revision has been pushed.");
        }
        return ForkLicences.whyNotForkable(source.getLicense());
    }

    /**
     * Makes a fork of the project {@code publicId} for {@code memberId}.
     *
     * @throws RuleViolation naming the field (or none) when the project cannot be forked or the form is wrong
     */
    public Project fork(String publicId, long memberId, ForkForm form) {
        emailConfirmations.requireConfirmed(memberId);
        Project source = projectService.access(publicId, Optional.of(memberId)).project();
        Optional<String> refused = whyNotForkable(source);
        if (refused.isPresent()) {
            throw new RuleViolation(null, "This project cannot be forked. " + refused.get());
        }
        int revision = revision(form.getRevision(), source);
        RevisionInfo forked = revisions.revision(source.getId(), revision)
                .orElseThrow(() -> new RuleViolation("revision", "There is no revision r" + revision + " in this project."));
        License license = ProjectRules.choice(License.class, form.getLicense(), "license", "Choose a licence from the list.");
        ForkLicences.whyIncompatible(source.getLicense(), license).ifPresent(why -> {
            throw new RuleViolation("license", why);
        });
        Visibility visibility = ProjectRules.choice(Visibility.class, form.getVisibility(), "visibility", "Choose who can see the fork.");
        String title = form.getTitle() == null ? "" : form.getTitle().strip();
        if (title.isEmpty()) {
            throw new RuleViolation("title", "Give your fork a title.");
        }

        Instant now = clock.instant();
        ProjectDetails details = new ProjectDetails(title, source.getDescription(), source.getGenreId(), source.getTempo(),
                source.getKey(), source.getTimeSignature(), license, visibility, Set.of());
        Project fork = Project.forkOf(source, revision, PublicIds.next(), memberId, details, now);
        projects.add(fork);
        projects.addMember(fork.getId(), memberId, ProjectRole.OWNER);
        String from = "\u201c" + source.getTitle() + "\u201d r" + revision;
        revisions.writeCopy(fork.getId(), new RevisionInfo(1, 0, 0, memberId, "Forked from " + from, now,
                forked.fileCount(), 0, 0, forked.fileCount(), forked.totalSize()), source.getId(), revision);
        projects.advanceHead(fork.getId(), 1, now);
        projects.record(fork.getId(), memberId, "forked it from " + from);
        // The source's activity names the fork only when everyone may see it.
        projects.record(source.getId(), memberId, visibility == Visibility.PUBLIC
                ? "forked r" + revision + " into \u201c" + title + "\u201d" : "forked r" + revision);
        return projects.reload(fork);
    }

    /** Where {@code fork} came from, as {@code viewer} may see it; empty for a project that is no fork. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Origin> origin(Project fork, Optional<Long> viewer) {
        if (!fork.isFork()) {
            return Optional.empty();
        }
        Optional<Project> source = Optional.ofNullable(fork.getForkedFromId()).flatMap(projects::byId)
                // An unlisted source stays unlisted: only its members are shown the way to it.
                .filter(project -> project.getVisibility() == Visibility.PUBLIC
                        || viewer.flatMap(id -> projects.roleOf(project.getId(), id)).isPresent());
        return Optional.of(new Origin(source.orElse(null), fork.getForkedFromRevision()));
    }

    /** How many public forks the project has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long publicForkCount(Project project) {
        return projects.forkCounts(List.of(project.getId())).getOrDefault(project.getId(), 0L);
    }

    /**
     * The fork tree {@code project} belongs to, depth first, oldest first among siblings: the
     * projects {@code viewer} may see in lists (public ones, and those they belong to) and
     * {@code project} itself. A hidden project is left out and its forks hang from its nearest
     * shown ancestor.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LineageNode> lineage(Project project, Optional<Long> viewer) {
        List<Project> tree = projects.forkTree(project.getId(), TREE_LIMIT);
        Map<Long, ProjectRole> roles = viewer.map(id -> projects.rolesIn(id, tree.stream().map(Project::getId).toList()))
                .orElse(Map.of());
        Map<Long, List<Project>> children = new HashMap<>();
        List<Project> roots = new ArrayList<>();
        Map<Long, Project> byId = new HashMap<>();
        tree.forEach(each -> byId.put(each.getId(), each));
        for (Project each : tree) {
            if (each.getForkedFromId() == null || !byId.containsKey(each.getForkedFromId())) {
                roots.add(each);
            } else {
                children.computeIfAbsent(each.getForkedFromId(), id -> new ArrayList<>()).add(each);
            }
        }
        Map<Long, List<MasterRepository.Master>> published = new HashMap<>();
        masters.publishedIn(byId.keySet()).forEach(master ->
                published.computeIfAbsent(master.projectId(), id -> new ArrayList<>()).add(master));
        List<LineageNode> nodes = new ArrayList<>();
        for (Project root : roots) {
            walk(root, 0, false, children, nodes, project, viewer, roles, published);
        }
        return nodes;
    }

    private void walk(Project node, int depth, boolean viaHidden, Map<Long, List<Project>> children, List<LineageNode> out,
                      Project current, Optional<Long> viewer, Map<Long, ProjectRole> roles,
                      Map<Long, List<MasterRepository.Master>> published) {
        boolean shown = node.getId().equals(current.getId()) || visibleInLists(node, viewer, roles);
        if (shown) {
            out.add(new LineageNode(node, depth, viaHidden, node.getId().equals(current.getId()),
                    published.getOrDefault(node.getId(), List.of())));
        }
        for (Project child : children.getOrDefault(node.getId(), List.of())) {
            walk(child, shown ? depth + 1 : depth, !shown, children, out, current, viewer, roles, published);
        }
    }

    private static boolean visibleInLists(Project project, Optional<Long> viewer, Map<Long, ProjectRole> roles) {
        return project.getVisibility() == Visibility.PUBLIC || (viewer.isPresent() && roles.containsKey(project.getId()));
    }

    private static int revision(String text, Project source) {
        if (text == null || text.isBlank()) {
            return source.getHead();
        }
        String digits = text.strip().replaceFirst("^r", "");
        int number = digits.matches("[0-9]{1,9}") ? Integer.parseInt(digits) : -1;
        if (number < 1 || number > source.getHead()) {
            throw new RuleViolation("revision", "There is no revision r" + digits + " in this project.");
        }
        return number;
    }
}
